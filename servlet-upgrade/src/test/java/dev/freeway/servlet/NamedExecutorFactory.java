package dev.freeway.servlet;

import java.util.Hashtable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.spi.ObjectFactory;

/**
 * Binds, as Tomcat's JNDI resource factory, what an application server binds as a
 * {@code ManagedExecutorService}: an executor the platform owns, its threads named
 * {@code managed-executor-N}.
 */
public class NamedExecutorFactory implements ObjectFactory {

    @Override
    public Object getObjectInstance(Object reference, Name name, Context context, Hashtable<?, ?> environment) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "managed-executor-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return pool;
    }
}
