package dev.freeway.cdi.app;

/** A business interface, for {@link ShoutDecorator} to decorate. */
public interface Shouter {
    String shout(String text);
}
