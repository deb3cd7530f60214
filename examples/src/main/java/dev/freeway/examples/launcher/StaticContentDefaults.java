package dev.freeway.examples.launcher;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Wrapper;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * What a stand-alone Tomcat's {@code conf/web.xml} gives every web application, minus JSP: the
 * default servlet for static files (the demo page), the MIME types and the welcome files.
 * Added before the context starts, so the WAR's own descriptors can still override it.
 */
final class StaticContentDefaults implements LifecycleListener {

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            return;
        }
        Context context = (Context) event.getLifecycle();
        Wrapper servlet = Tomcat.addServlet(context, "default", DefaultServlet.class.getName());
        servlet.setLoadOnStartup(1);
        servlet.setOverridable(true);
        context.addServletMappingDecoded("/", "default");
        Tomcat.addDefaultMimeTypeMappings(context);
        context.addWelcomeFile("index.html");
    }
}
