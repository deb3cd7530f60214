package dev.freeway.it.support;

import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the WARs the Freeway integration tests deploy: the given classes (endpoints, encoders,
 * configurators...) in {@code WEB-INF/classes}, Freeway's jars in {@code WEB-INF/lib}, and the Tomcat
 * {@code META-INF/context.xml} that keeps Tomcat's own WebSocket implementation out of the way.
 *
 * <p>Tests add anything else (resources, a {@code web.xml}, CDI's {@code beans.xml}) with the
 * ordinary ShrinkWrap API on the returned archive. The context root is the archive's name without
 * {@code .war}.
 */
public final class FreewayWar {

    /**
     * Tomcat's per-application switch for its WebSocket implementation: the filter names
     * ServletContainerInitializers of the container's class path that must not run for this WAR.
     * Jetty ignores the file; a Tomcat without tomcat-websocket has nothing to filter.
     *
     * <p>The {@code JarScanner} line is for the tests only: it stops Tomcat from scanning the test
     * JVM's whole class path (some eighty jars) for web fragments and TLDs at each deployment, which
     * took 2 to 4 seconds per WAR. The WAR's own {@code WEB-INF/lib}, where Freeway lives, is still
     * scanned, and ServletContainerInitializers are still discovered.
     */
    public static final String TOMCAT_CONTEXT_XML =
            "<Context containerSciFilter=\"org.apache.tomcat.websocket.server.WsSci\">\n"
            + "  <JarScanner scanClassPath=\"false\"/>\n"
            + "</Context>\n";

    private FreewayWar() {
    }

    /**
     * Creates a WAR with Freeway and the given classes.
     *
     * @param name the archive name, with or without {@code .war}; also the context root
     * @param classes the application classes to put in {@code WEB-INF/classes}
     * @return the archive, ready to deploy or to complete
     */
    public static WebArchive create(String name, Class<?>... classes) {
        WebArchive war = withoutFreeway(name, classes);
        return FreewayLibraries.addTo(war);
    }

    /**
     * Creates a WAR like {@link #create} but without Freeway's jars: for tests of the test
     * infrastructure itself, and for comparisons with the container's own behaviour.
     *
     * @param name the archive name, with or without {@code .war}; also the context root
     * @param classes the application classes to put in {@code WEB-INF/classes}
     * @return the archive
     */
    public static WebArchive withoutFreeway(String name, Class<?>... classes) {
        String archiveName = name.endsWith(".war") ? name : name + ".war";
        WebArchive war = ShrinkWrap.create(WebArchive.class, archiveName).addClasses(classes);
        return filterTomcatWebSocket(war);
    }

    /**
     * Gives an archive a {@code WEB-INF/web.xml} that sets context parameters, which is where Freeway
     * reads its settings ({@code dev.freeway.maxIdleTimeout} and the like) on every container. The
     * descriptor is Servlet 6.0 (so that the EE 10 containers take it) and not metadata-complete, so
     * that annotated servlets and listeners in the WAR are still found.
     *
     * @param war the archive, which must not have a web.xml yet
     * @param parameters parameter names to values, in the order to write them
     * @return the same archive
     */
    public static WebArchive contextParams(WebArchive war, Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n")
                .append("         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
                .append("         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee ")
                .append("https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n")
                .append("         version=\"6.0\" metadata-complete=\"false\">\n");
        parameters.forEach((name, value) -> xml.append("  <context-param>\n")
                .append("    <param-name>").append(escape(name)).append("</param-name>\n")
                .append("    <param-value>").append(escape(value)).append("</param-value>\n")
                .append("  </context-param>\n"));
        xml.append("</web-app>\n");
        return war.setWebXML(new StringAsset(xml.toString()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Adds the {@link #TOMCAT_CONTEXT_XML} to an archive.
     *
     * @param war the archive
     * @return the same archive
     */
    public static WebArchive filterTomcatWebSocket(WebArchive war) {
        return war.addAsManifestResource(new StringAsset(TOMCAT_CONTEXT_XML), "context.xml");
    }
}
