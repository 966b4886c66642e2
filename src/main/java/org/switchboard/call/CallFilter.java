package org.switchboard.call;

import java.time.Instant;

/**
 * What the call log is narrowed to; null fields do not narrow it.
 *
 * @param user part of the username or display name of who placed, answered or rejected it
 * @param contact part of the matched contact's name
 */
public record CallFilter(Kind kind, Long deviceId, String user, String contact, Instant from, Instant to) {

    public enum Kind {
        INCOMING,
        OUTGOING,
        MISSED,
        REJECTED
    }

    public static CallFilter all() {
        return new CallFilter(null, null, null, null, null, null);
    }
}
