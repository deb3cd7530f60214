/**
 * Annotated endpoints: reading an {@code @ServerEndpoint} or {@code @ClientEndpoint} class into an
 * {@code EndpointModel} once (its {@code @OnOpen}, {@code @OnMessage}, {@code @OnError} and
 * {@code @OnClose} methods and how each parameter is bound), and {@code AnnotatedEndpoint}, the
 * {@code Endpoint} that calls those methods for a session. Internal to Freeway, not API.
 */
package dev.freeway.container.annotated;
