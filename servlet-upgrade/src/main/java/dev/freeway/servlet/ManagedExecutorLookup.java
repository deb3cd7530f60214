package dev.freeway.servlet;

import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Finds the executor that {@code dev.freeway.executor} names by its JNDI name (such as
 * {@code java:comp/DefaultManagedExecutorService}, a Jakarta Concurrency
 * {@code ManagedExecutorService}): looked up once at deployment, on the thread that starts the web
 * application, which is where the container binds the application's naming context.
 */
final class ManagedExecutorLookup {

    private ManagedExecutorLookup() {
    }

    /** Whether a setting's value is a JNDI name rather than one of the keywords. */
    static boolean isJndiName(String value) {
        return value.startsWith("java:");
    }

    /** The executor bound under {@code name}; refused saying what is bound there when it is none. */
    static Executor lookup(String name) {
        Object found;
        try {
            found = new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalArgumentException("nothing is bound under the JNDI name '" + name + "' (" + e.getMessage() + ")", e);
        }
        if (!(found instanceof Executor)) {
            throw new IllegalArgumentException("the JNDI name '" + name + "' names a "
                    + (found == null ? "null" : found.getClass().getName()) + ", not an executor");
        }
        return (Executor) found;
    }
}
