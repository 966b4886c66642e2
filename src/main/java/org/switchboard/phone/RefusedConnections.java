package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.audit.AuditEvent;

/**
 * Audits refused {@code /ws/phone} connections by sample: the first refusal of a kind (its reason, and the phone for a
 * revoked one) in a window of {@link PhoneSettings#refusedAuditWindow()} is recorded at once, the others of the window
 * as one row with their count when it closes. A phone retrying in a loop (or anyone guessing tokens) writes two rows a
 * window instead of one a connection. Kinds are few (no token, unknown token, one per revoked phone), so is the memory.
 */
@ApplicationScoped
public class RefusedConnections {

    @Inject
    private PhoneSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    private final Map<Kind, Window> windows = new ConcurrentHashMap<>();

    private record Kind(String deviceName, String reason) {}

    private static final class Window {
        private final Instant opened;
        private long more;

        Window(Instant opened) {
            this.opened = opened;
        }
    }

    /** Counts a refusal, auditing it if it opens a window. */
    void refused(String deviceName, String reason) {
        Kind kind = new Kind(deviceName, reason);
        Window opened = new Window(clock.instant());
        Window window = windows.merge(kind, opened, (existing, added) -> {
            existing.more++;
            return existing;
        });
        if (window == opened) {
            audit.fire(denied(kind, reason));
        }
    }

    /** Closes the windows that ended, auditing how many refusals each held after its first. */
    void closeEnded() {
        Instant now = clock.instant();
        Duration length = settings.refusedAuditWindow();
        for (Kind kind : List.copyOf(windows.keySet())) {
            long[] more = {0};
            windows.computeIfPresent(kind, (k, window) -> {
                if (now.isBefore(window.opened.plus(length))) {
                    return window;
                }
                more[0] = window.more;
                return null;
            });
            if (more[0] > 0) {
                audit.fire(denied(kind, kind.reason() + ": " + more[0] + " more within " + length.toSeconds() + " s"));
            }
        }
    }

    private static AuditEvent denied(Kind kind, String detail) {
        return new AuditEvent(
                AuditEvent.SYSTEM,
                PhoneAction.PHONE_CONNECTION_REFUSED.name(),
                kind.deviceName(),
                AuditEvent.Outcome.DENIED,
                detail);
    }
}
