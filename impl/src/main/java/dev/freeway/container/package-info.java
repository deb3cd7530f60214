/**
 * The Jakarta WebSocket 2.2 container's public face: {@link dev.freeway.container.FreewayServerContainer},
 * the settings users give it ({@link dev.freeway.container.ContainerDefaults}), the exceptions a send
 * can fail with, and the transport SPI ({@link dev.freeway.container.Transport},
 * {@link dev.freeway.container.TransportListener}, {@link dev.freeway.container.WriteCallback},
 * {@link dev.freeway.container.Upgrader}) through which the Servlet layer and the client carry a
 * session's bytes. The work is done in the internal sub-packages, layered from the bottom up:
 * {@code codec}, {@code runtime} and {@code endpoint}, then {@code message}, {@code send} and
 * {@code annotated}, then {@code session}, then {@code server}; none depends on a package above it.
 * They use this package's settings, exceptions and SPI; of this package only
 * {@code FreewayServerContainer} uses them.
 */
package dev.freeway.container;
