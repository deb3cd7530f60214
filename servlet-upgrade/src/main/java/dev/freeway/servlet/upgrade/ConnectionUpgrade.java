package dev.freeway.servlet.upgrade;

import dev.freeway.servlet.generic.ServletConnectionUpgrade;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * One way of taking over the connection of an accepted handshake, once the 101 status and
 * headers are set on the response. The portable way is {@link ServletConnectionUpgrade}
 * ({@code HttpServletRequest.upgrade} with non-blocking Servlet I/O); a container-specific way
 * may come first where the portable one falls short on that container (see
 * {@code ConnectionUpgrades}).
 */
public interface ConnectionUpgrade {
    /**
     * Takes over {@code request}'s connection for the session in {@code context}.
     *
     * @return false when this way does not apply to this request (another container, classes
     *         not visible); the next way is then tried
     */
    boolean upgrade(HttpServletRequest request, UpgradeContext context) throws IOException, ServletException;

    /**
     * The {@code :protocol} of {@code request} when it is an HTTP/2 extended CONNECT (RFC 8441) that
     * this way can take over as a tunnel; null otherwise. The Servlet API shows neither the
     * pseudo-header nor a way to keep the stream open after the response, so only a
     * container-native way can answer.
     */
    default String tunnelProtocol(HttpServletRequest request) {
        return null;
    }
}
