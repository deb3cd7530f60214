package dev.freeway.it.undertow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the tests' {@code WEB-INF/web.xml} declares that the container must apply: context parameters
 * and listener classes. Undertow's Servlet deployment reads no descriptor (WildFly parses it), so
 * this container does; anything else a descriptor declares fails the deployment rather than being
 * silently ignored.
 *
 * @param contextParams the {@code context-param} names and values, in order
 * @param listeners the {@code listener-class} names, in order
 */
record WebXml(Map<String, String> contextParams, List<String> listeners) {

    /** Elements this container applies or that change nothing here. */
    private static final List<String> UNDERSTOOD = List.of(
            "context-param", "listener", "display-name", "description");

    /** Reads {@code WEB-INF/web.xml} of the exploded WAR, or an empty one if there is none. */
    static WebXml read(Path war) throws Exception {
        Path file = war.resolve("WEB-INF/web.xml");
        if (!Files.exists(file)) {
            return new WebXml(Map.of(), List.of());
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        Map<String, String> params = new LinkedHashMap<>();
        List<String> listeners = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (!(children.item(i) instanceof Element element)) {
                continue;
            }
            String name = element.getLocalName();
            if (!UNDERSTOOD.contains(name)) {
                throw new IllegalArgumentException("web.xml element <" + name + "> is not supported by this container");
            }
            if (name.equals("context-param")) {
                params.put(text(element, "param-name"), text(element, "param-value"));
            } else if (name.equals("listener")) {
                listeners.add(text(element, "listener-class"));
            }
        }
        return new WebXml(Collections.unmodifiableMap(params), List.copyOf(listeners));
    }

    private static String text(Element parent, String child) {
        NodeList found = parent.getElementsByTagNameNS("*", child);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
