package dev.freeway.container.metrics;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers a container's {@link WebSocketMetricsMXBean} in the platform MBean server, one per
 * web application, and takes it out again when the application stops (a redeployed application
 * registers afresh, and nothing of the old one's class loader stays referenced).
 */
final class JmxRegistration {
    private static final System.Logger LOG = System.getLogger(JmxRegistration.class.getName());

    private JmxRegistration() {
    }

    /** The name of {@code context}'s MXBean: {@code dev.freeway:type=WebSocket,context=<context>}. */
    static ObjectName nameOf(String context) {
        try {
            return new ObjectName("dev.freeway:type=WebSocket,context=" + quotedIfNeeded(context));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no JMX name can be made of context " + context, e);
        }
    }

    /** Registers the MXBean; an MBean already there under that name stays (logged), and this does nothing. */
    static AutoCloseable register(WebSocketMetrics metrics, String context) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = nameOf(context);
        try {
            server.registerMBean(new JmxMetrics(metrics), name);
        } catch (InstanceAlreadyExistsException e) {
            // Two applications with one context path in one JVM (two servers, say): the first keeps it.
            LOG.log(System.Logger.Level.WARNING, "the WebSocket meters of ''{0}'' are not in JMX: {1} is taken", context, name);
            return () -> { };
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + name + " in the platform MBean server", e);
        }
        LOG.log(System.Logger.Level.DEBUG, "WebSocket meters of ''{0}'' registered in JMX as {1}", context, name);
        return () -> unregister(server, name);
    }

    private static void unregister(MBeanServer server, ObjectName name) {
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0} was unregistered already", name);
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot unregister " + name, e);
        }
    }

    /** Quoted only when it must be, so that the usual context paths read as they are. */
    private static String quotedIfNeeded(String value) {
        for (char c : value.toCharArray()) {
            if (",=:\"*?\n\\".indexOf(c) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value.isEmpty() ? ObjectName.quote(value) : value;
    }
}
