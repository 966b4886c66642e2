package org.switchboard.companion.core.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The {@code call} commands whose call Telecom has not shown yet, so that the call's reports can name the command that
 * placed it. Telecom hands the call back with the number written its own way, so numbers are matched by
 * {@link PhoneNumbers#sameLine}; when two commands call the same line, the older one is the older call's. Thread-safe.
 */
public final class OutgoingCallCommands {

    /**
     * How long a command waits for its call. Telecom adds a placed call at once (even while it asks which SIM to use),
     * so a command still waiting after this placed nothing that will appear (no default phone app, a refused call) and
     * must not claim a later call to the same line.
     */
    static final Duration WAIT_FOR_CALL = Duration.ofMinutes(1);

    private final Clock clock;
    private final List<Expected> expected = new ArrayList<>();

    public OutgoingCallCommands(Clock clock) {
        this.clock = clock;
    }

    /** A {@code call} command is placing a call to this number. */
    public synchronized void expect(String number, String commandId) {
        expected.add(new Expected(number, commandId, clock.millis()));
    }

    /** The command placed no call after all. */
    public synchronized void forget(String commandId) {
        expected.removeIf(waiting -> waiting.commandId.equals(commandId));
    }

    /**
     * Claims the command of an outgoing call that has just appeared.
     *
     * @return the oldest command still waiting for a call to this line, or null
     */
    public synchronized String take(String number) {
        long oldestKept = clock.millis() - WAIT_FOR_CALL.toMillis();
        expected.removeIf(waiting -> waiting.sinceMillis < oldestKept);
        for (Iterator<Expected> waiting = expected.iterator(); waiting.hasNext(); ) {
            Expected candidate = waiting.next();
            if (PhoneNumbers.sameLine(candidate.number, number)) {
                waiting.remove();
                return candidate.commandId;
            }
        }
        return null;
    }

    private static final class Expected {
        final String number;
        final String commandId;
        final long sinceMillis;

        Expected(String number, String commandId, long sinceMillis) {
            this.number = number;
            this.commandId = commandId;
            this.sinceMillis = sinceMillis;
        }
    }
}
