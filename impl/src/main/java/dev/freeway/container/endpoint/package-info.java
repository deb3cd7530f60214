/**
 * How endpoint instances are made and watched: the hooks an integration such as CDI plugs in
 * ({@code EndpointFactory}, {@code EndpointInstance}, {@code SessionInterceptor}), the chain of
 * interceptors, and the wrapper that hands a factory-made endpoint to a session. Internal to
 * Freeway, not API: integrations in Freeway's own modules use it.
 */
package dev.freeway.container.endpoint;
