package org.switchboard.phone;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tells open pages (the indicator in every page's top bar, the Phones page) that the phones changed, through the
 * Faces push channel {@value #CHANNEL}. The message carries no detail: each page asks for what its user may see.
 * Changes within a quarter of a second make one message, so a hundred phones reconnecting do not flood browsers.
 */
@ApplicationScoped
public class PhonePush {

    static final String CHANNEL = "phones";
    static final String CHANGED = "changed";
    private static final long COALESCE_MILLIS = 250;

    @Inject
    @Push(channel = CHANNEL)
    private PushContext channel;

    @Inject
    private PhoneOverview overview;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicInteger alerting = new AtomicInteger();

    /** The list of phones itself changed: one paired, renamed or revoked. */
    public record DevicesChanged() {}

    void connected(@Observes PhoneConnected event) {
        changed();
    }

    void disconnected(@Observes PhoneDisconnected event) {
        changed();
    }

    void status(@Observes(during = TransactionPhase.AFTER_SUCCESS) PhoneStatusChanged event) {
        changed();
    }

    void devices(@Observes(during = TransactionPhase.AFTER_SUCCESS) DevicesChanged event) {
        changed();
    }

    /** Pushes when a phone crossed the offline alert time since the last check; heartbeats call it. */
    void checkAlerts() {
        int now = overview.counts().alerting();
        if (alerting.getAndSet(now) != now) {
            changed();
        }
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            scheduler.schedule(
                    () -> {
                        pending.set(false);
                        channel.send(CHANGED);
                    },
                    COALESCE_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }
}
