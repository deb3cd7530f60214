/**
 * Freeway with CDI: endpoint instances as beans, the WebSocket session scope, an injectable
 * {@code Session}, and a request context around every callback.
 */
module dev.freeway.cdi {
    requires transitive dev.freeway.servlet;
    requires transitive jakarta.cdi;

    exports dev.freeway.cdi;

    provides jakarta.enterprise.inject.spi.Extension with dev.freeway.cdi.FreewayCdiExtension;
    provides jakarta.servlet.ServletContainerInitializer with dev.freeway.cdi.FreewayCdiInitializer;
}
