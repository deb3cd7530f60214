package dev.freeway.servlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * One way of taking over the connection of an accepted handshake, once the 101 status and
 * headers are set on the response. The portable way is {@link ServletConnectionUpgrade}
 * ({@code HttpServletRequest.upgrade} with non-blocking Servlet I/O); a container-specific way
 * may come first where the portable one falls short on that container (see
 * {@link ConnectionUpgrades}).
 */
interface ConnectionUpgrade {
    /**
     * Takes over {@code request}'s connection for the session in {@code context}.
     *
     * @return false when this way does not apply to this request (another container, classes
     *         not visible); the next way is then tried
     */
    boolean upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException;
}
