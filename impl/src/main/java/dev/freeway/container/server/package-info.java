/**
 * The server side of the container: deploying endpoints ({@code EndpointRegistry},
 * {@code ServerEndpointConfigs}, URI templates), the opening handshake (request and response views,
 * subprotocol and extension negotiation, the configurator calls), and the session an accepted
 * upgrade prepares. Internal to Freeway, not API.
 */
package dev.freeway.container.server;
