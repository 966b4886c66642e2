package org.switchboard.sms;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.i18n.SchoolTime;
import org.switchboard.phone.DeviceService;
import org.switchboard.phone.PhoneGateway;

/**
 * Moves queued messages to phones: due ones, oldest first, to the phone the sender chose or the least loaded ready
 * one, within each SIM's pace and the sending window. It runs every second and whenever something changes (a message
 * queued, a phone ready, a message back in the queue); one run at a time on a node. Every node runs it: each claims
 * the messages it hands over, expires or takes back ({@link SmsOutbox}), so that each is handed over once. Runs go to the
 * managed executor: the scheduler has a single thread, which the phones' heartbeats and the pages' pushes need while a
 * long run hands over thousands of messages.
 */
@ApplicationScoped
public class SmsDispatcher {

    private static final int BATCH = 500;
    /** Messages handed to phones in one transaction. */
    private static final int CHUNK = 200;

    private static final long PERIOD_MILLIS = 1_000;
    private static final Duration TAKE_BACK_PERIOD = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(SmsDispatcher.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private SmsSettings settings;

    @Inject
    private DeviceService devices;

    @Inject
    private Clock clock;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private ScheduledFuture<?> ticking;

    /** Touched only by the thread holding {@link #running}. */
    private Instant nextExpiry = Instant.MIN;

    /** Touched only by the thread holding {@link #running}. */
    private Instant nextTakeBack = Instant.MIN;

    void start(@Observes Startup startup) {
        ticking = scheduler.scheduleWithFixedDelay(this::runSoon, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** Something in the queue changed: a message queued or back, a phone ready. Fired by this package. */
    record QueueChanged() {}

    /** Runs soon, once the transaction that changed the queue has committed. */
    void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged event) {
        again.set(true);
        runSoon();
    }

    private void runSoon() {
        executor.execute(this::run);
    }

    void run() {
        if (!running.tryLock()) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                expireOverdue();
                takeBackFromPhonesAway();
                if (windowOpen()) {
                    dispatchDue();
                }
            } while (again.get());
        } catch (RuntimeException e) {
            // The next run tries again; the schedule must not die with this one.
            LOG.log(Level.WARNING, "SMS dispatch failed", e);
        } finally {
            running.unlock();
        }
    }

    /** Once a period at most: the dispatcher runs again at each report, and the search for overdue messages scans. */
    private void expireOverdue() {
        Instant now = clock.instant();
        if (!now.isBefore(nextExpiry)) {
            nextExpiry = now.plusMillis(PERIOD_MILLIS);
            int expired;
            do {
                expired = outbox.expireOverdue(now, BATCH);
            } while (expired == BATCH);
        }
    }

    /** Once in a while, and only when a phone is ready to take over: a message waits for its phone otherwise. */
    private void takeBackFromPhonesAway() {
        Instant now = clock.instant();
        if (now.isBefore(nextTakeBack)) {
            return;
        }
        nextTakeBack = now.plus(TAKE_BACK_PERIOD);
        List<Long> ready = gateway.readyPhones();
        if (!ready.isEmpty() && outbox.takeBackFromAway(ready, now.minus(settings.takeBackAfter())) > 0) {
            again.set(true);
        }
    }

    private boolean windowOpen() {
        LocalTime now = LocalTime.ofInstant(clock.instant(), SchoolTime.zone());
        return settings.window().map(window -> window.isOpen(now)).orElse(true);
    }

    private void dispatchDue() {
        List<Long> ready = gateway.readyPhones();
        if (ready.isEmpty()) {
            return;
        }
        Map<Long, Integer> paces = new HashMap<>();
        devices.list().stream()
                .filter(device -> device.getSmsPartsPerMinute() != null)
                .forEach(device -> paces.put(device.getId(), device.getSmsPartsPerMinute()));
        int defaultPace = settings.partsPerMinute();
        boolean paced = defaultPace > 0 || paces.values().stream().anyMatch(pace -> pace > 0);
        // Unpaced, the last minute's parts would only choose the least loaded phone, and reading them grows with the
        // rate (a minute at 2,000 a second is 120,000 rows): the phones are balanced within this run instead.
        Map<Routing.Route, Integer> used = paced ? outbox.partsDispatchedLastMinute() : new HashMap<>();
        Function<SmsMessage, Optional<Routing.Route>> router = message -> {
            Optional<Routing.Route> route =
                    Routing.choose(message, ready, used, device -> paces.getOrDefault(device, defaultPace));
            route.ifPresent(chosen -> used.merge(chosen, message.getParts(), Integer::sum));
            return route;
        };
        Instant now = clock.instant();
        long after = 0;
        int scanned = 0;
        int dispatched = 0;
        while (scanned < BATCH) {
            SmsOutbox.Pass pass = dispatch(now, after, router, used);
            scanned += pass.claimed();
            dispatched += pass.dispatched();
            if (pass.claimed() < CHUNK) {
                return;
            }
            after = pass.lastId();
        }
        if (dispatched > 0) {
            // More are waiting: go on now rather than at the next tick.
            again.set(true);
        }
    }

    /**
     * A chunk in one transaction; if it fails, each message alone, so that one bad message holds back no other.
     *
     * @return what was claimed and handed to phones
     */
    private SmsOutbox.Pass dispatch(
            Instant now,
            long after,
            Function<SmsMessage, Optional<Routing.Route>> router,
            Map<Routing.Route, Integer> used) {
        Map<Routing.Route, Integer> usedBefore = new HashMap<>(used);
        try {
            return outbox.dispatchDue(now, after, Long.MAX_VALUE, CHUNK, router);
        } catch (RuntimeException chunkFailed) {
            used.clear();
            used.putAll(usedBefore);
            List<Long> ids = outbox.dueIds(now, after, CHUNK);
            int dispatched = 0;
            for (long id : ids) {
                try {
                    dispatched += outbox.dispatchDue(now, id - 1, id, 1, router).dispatched();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "SMS " + id + " could not be handed to its phone", e);
                }
            }
            return new SmsOutbox.Pass(ids.size(), ids.isEmpty() ? after : ids.get(ids.size() - 1), dispatched);
        }
    }
}
