package org.switchboard.companion.core.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import org.switchboard.companion.core.Reports;

/**
 * The SMS the phone is sending, as the radio reports their parts: tells the server each part's state once and only
 * forward, and the command's result as soon as the whole message is sent or has failed. Progress is kept in a store
 * because the reports come to a broadcast receiver, possibly in a new process. Thread-safe.
 */
public final class SmsProgress {

    /**
     * How long a message is remembered while some of its delivery reports have not come (some networks never send
     * them). A report that comes later is still told, only without the ordering kept here, which the server also keeps.
     */
    static final Duration KEPT_FOR = Duration.ofDays(2);

    /** Lines under command ids, kept across process deaths (the app's preferences). */
    public interface Store {
        String load(String commandId);

        void save(String commandId, String line);

        void remove(String commandId);

        Collection<String> commandIds();
    }

    private final Store store;
    private final Clock clock;

    public SmsProgress(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The command's parts are about to be sent; also forgets messages whose reports stopped coming long ago. */
    public synchronized void expect(String commandId, int parts) {
        long now = clock.millis();
        for (String id : new ArrayList<>(store.commandIds())) {
            SmsParts message = SmsParts.decode(store.load(id));
            if (message == null || message.startedAtMillis() < now - KEPT_FOR.toMillis()) {
                store.remove(id);
            }
        }
        store.save(commandId, new SmsParts(parts, now).encode());
    }

    /**
     * A part has left the phone, or could not.
     *
     * @param failure null when the part was sent, otherwise why not (e.g. NO_SERVICE)
     */
    public synchronized void sent(String commandId, int part, int parts, String failure, Reports reports) {
        record(commandId, part, parts, failure == null ? SmsParts.State.SENT : SmsParts.State.FAILED, failure, reports);
    }

    /** The network's status report on a part; a report that says it is still trying tells nothing yet. */
    public synchronized void delivery(String commandId, int part, int parts, DeliveryReport report, Reports reports) {
        if (report.outcome() == DeliveryReport.Outcome.PENDING) {
            return;
        }
        SmsParts.State state =
                report.outcome() == DeliveryReport.Outcome.DELIVERED ? SmsParts.State.DELIVERED : SmsParts.State.FAILED;
        record(commandId, part, parts, state, report.failure(), reports);
    }

    private void record(String commandId, int part, int parts, SmsParts.State state, String failure, Reports reports) {
        SmsParts message = SmsParts.decode(store.load(commandId));
        if (message == null || message.parts() != parts) {
            // settled, forgotten long ago, or kept by an older version: the part's news still goes to the server,
            // which keeps states forward, but the result is not told without knowing the other parts
            reports.smsPart(commandId, part, parts, partState(state), failure);
            return;
        }
        if (!message.advance(part, state)) {
            return;
        }
        reports.smsPart(commandId, part, parts, partState(state), failure);
        SmsParts.State whole = message.state();
        if (!message.resultTold() && whole != SmsParts.State.PENDING) {
            boolean ok = whole != SmsParts.State.FAILED;
            reports.result(commandId, ok, ok ? null : failure);
            message.markResultTold();
        }
        if (message.isSettled()) {
            store.remove(commandId);
        } else {
            store.save(commandId, message.encode());
        }
    }

    private static Reports.SmsPartState partState(SmsParts.State state) {
        switch (state) {
            case SENT:
                return Reports.SmsPartState.SENT;
            case DELIVERED:
                return Reports.SmsPartState.DELIVERED;
            default:
                return Reports.SmsPartState.FAILED;
        }
    }
}
