package org.switchboard.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's failures on phones' frames, logged so that a phone resending what fails cannot flood the log: the
 * first of a cause from a phone with its stack trace, then at most one line a minute counting the repeats. Repeats
 * after the last summary are told when that cause fails again for that phone.
 */
final class RepeatedFailures {

    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);

    private final Logger log;
    private final Map<String, Repeats> byPhoneAndCause = new ConcurrentHashMap<>();

    RepeatedFailures(Logger log) {
        this.log = log;
    }

    private static final class Repeats {
        private Instant since;
        private long count;
    }

    void failed(String phone, Throwable failure, Instant now) {
        String cause = rootCause(failure).getClass().getName();
        Repeats repeats = byPhoneAndCause.computeIfAbsent(phone + '\n' + cause, key -> new Repeats());
        synchronized (repeats) {
            if (repeats.since == null) {
                repeats.since = now;
                log.log(Level.WARNING, "Frame from phone " + phone + " failed; repeats are counted", failure);
                return;
            }
            repeats.count++;
            if (!now.isBefore(repeats.since.plus(SUMMARY_INTERVAL))) {
                log.warning("Frames from phone " + phone + " failed " + repeats.count + " more times since "
                        + repeats.since + " (" + cause + ")");
                repeats.since = now;
                repeats.count = 0;
            }
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
