/**
 * What a server container counts about its WebSocket traffic, and where it publishes the counts.
 * {@link dev.freeway.container.metrics.WebSocketMetrics} is the one counting component: sessions
 * count into the {@link dev.freeway.container.metrics.EndpointCounters} of their endpoint's path
 * (made when the endpoint is deployed, never per message) with {@code LongAdder}s, and nothing on
 * the hot path allocates, looks anything up or takes a lock. Publishing only reads those counts:
 * as Micrometer meters when Micrometer is on the class path ({@code MicrometerMeters}, the only
 * class here that names a Micrometer type, loaded only then) or as a JMX MXBean
 * ({@link dev.freeway.container.metrics.WebSocketMetricsMXBean}). Nothing here knows the engine,
 * the sessions or a transport.
 */
package dev.freeway.container.metrics;
