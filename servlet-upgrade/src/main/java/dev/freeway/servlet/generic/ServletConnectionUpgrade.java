package dev.freeway.servlet.generic;

import dev.freeway.servlet.upgrade.ConnectionUpgrade;
import dev.freeway.servlet.upgrade.UpgradeContext;
import jakarta.servlet.http.HttpServletRequest;

/** The portable {@link ConnectionUpgrade}: {@link FreewayUpgradeHandler} over {@link ServletTransport}. */
public final class ServletConnectionUpgrade implements ConnectionUpgrade {
    @Override
    public boolean upgrade(HttpServletRequest request, UpgradeContext context) throws java.io.IOException,
            jakarta.servlet.ServletException {
        request.upgrade(FreewayUpgradeHandler.class).prepare(context);
        return true;
    }
}
