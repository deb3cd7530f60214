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

    /**
     * The name of {@code context}'s MXBean: {@code dev.freeway:type=WebSocket,context=<context>},
     * and {@code ,instance=<n>} from the second application with that context path in the JVM on.
     */
    static ObjectName nameOf(String context, int instance) {
        try {
            return new ObjectName("dev.freeway:type=WebSocket,context=" + quotedIfNeeded(context)
                    + (instance > 1 ? ",instance=" + instance : ""));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("no JMX name can be made of context " + context, e);
        }
    }

    /**
     * Registers the MXBean. Applications with one context path on several servers or virtual hosts
     * of one JVM each get theirs, numbered in the order they start, so that none goes unseen.
     */
    static AutoCloseable register(WebSocketMetrics metrics, String context) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        JmxMetrics bean = new JmxMetrics(metrics);
        for (int instance = 1; ; instance++) {
            ObjectName name = nameOf(context, instance);
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                continue;
            } catch (JMException e) {
                throw new IllegalStateException("cannot register " + name + " in the platform MBean server", e);
            }
            LOG.log(instance > 1 ? System.Logger.Level.INFO : System.Logger.Level.DEBUG,
                    "the WebSocket meters of ''{0}'' are in JMX as {1}", context, name);
            return () -> unregister(server, name);
        }
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
