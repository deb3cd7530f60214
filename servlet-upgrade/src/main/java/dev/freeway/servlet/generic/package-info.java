/**
 * The portable way to take over a connection: {@code HttpServletRequest.upgrade} with a
 * {@code FreewayUpgradeHandler} and a transport over non-blocking Servlet I/O
 * ({@code ServletTransport}). It serves any Servlet 6 container where no container-specific way
 * applies. Internal to Freeway, not API.
 */
package dev.freeway.servlet.generic;
