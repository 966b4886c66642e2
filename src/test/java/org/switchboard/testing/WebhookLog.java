package org.switchboard.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.switchboard.webhook.WebhookAttempted;

/**
 * Test-only: the webhook tries whose outcome is committed, so that client-side tests can wait until a delivery reached a
 * state instead of reading the database at a guess ({@link FixtureServlet}).
 */
@ApplicationScoped
public class WebhookLog {

    private final List<WebhookAttempted> attempts = new ArrayList<>();

    synchronized void attempted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookAttempted attempt) {
        attempts.add(attempt);
        notifyAll();
    }

    /**
     * Waits until a try ended as wanted, or the time is up.
     *
     * @return whether one did
     */
    public synchronized boolean await(Predicate<WebhookAttempted> wanted, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (attempts.stream().noneMatch(wanted)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
