package dev.freeway.cdi.app;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Upper-cases what every {@link Shouter} bean returns. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class ShoutDecorator implements Shouter {
    @Inject
    @Delegate
    @Any
    Shouter delegate;

    @Override
    public String shout(String text) {
        return delegate.shout(text).toUpperCase(java.util.Locale.ROOT);
    }
}
