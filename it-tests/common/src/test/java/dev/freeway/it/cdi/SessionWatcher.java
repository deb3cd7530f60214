package dev.freeway.it.cdi;

import dev.freeway.cdi.SessionClosed;
import dev.freeway.cdi.SessionOpened;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Follows sessions through CDI events alone, counting them by path. */
@ApplicationScoped
public class SessionWatcher {
    @Inject
    Tally tally;

    void opened(@Observes SessionOpened event) {
        tally.count("opened " + event.session().getRequestURI().getPath());
    }

    void closed(@Observes SessionClosed event) {
        tally.count("closed " + event.session().getRequestURI().getPath() + " " + event.reason().getCloseCode().getCode());
    }
}
