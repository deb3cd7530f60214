package dev.freeway.cdi;

import jakarta.enterprise.context.NormalScope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A normal scope as long as one WebSocket connection: a bean with this scope has one instance per
 * session, created on first use and destroyed when the session has closed, whatever closed it (a
 * close handshake either way, an error, an idle timeout, the application stopping).
 *
 * <p>The scope is active on the thread of every callback of a session (its endpoint's
 * {@code @OnOpen}, {@code @OnMessage}, {@code @OnError}, {@code @OnClose}, message handlers) and in
 * the beans those callbacks call; elsewhere, using such a bean throws
 * {@link jakarta.enterprise.context.ContextNotActiveException}. Beans are destroyed after the
 * endpoint's {@code onClose} and after observers of {@link SessionClosed}, so both can still use them.
 */
@NormalScope
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
public @interface WebSocketSessionScoped {
}
