package org.switchboard.phone;

import java.time.Instant;

/**
 * A phone reported a call's state. The calls feature turns the sequence into a call.
 *
 * @param callId the phone's id of the call (version 1), or null from a seed-style phone, which has none
 * @param direction null when the phone did not say (a seed {@code CALL_STARTED} or {@code CALL_ENDED})
 * @param number the other party's number as the phone gave it; null for a hidden caller
 * @param contactName the name in the phone's own address book, if any
 * @param reason why it ended or failed, e.g. {@code BUSY}, {@code NO_ANSWER}; null otherwise
 * @param commandId the {@code call} command that placed it, if the server asked for it
 */
public record CallReported(
        long deviceId,
        String callId,
        CallState state,
        CallDirection direction,
        String number,
        String contactName,
        String reason,
        String commandId,
        Integer simSlot,
        Instant at) {

    public enum CallState {
        /** Incoming, not yet answered (seed: {@code CALL_INCOMING}). */
        RINGING,
        /** Outgoing, not yet answered by the other party. */
        DIALING,
        /** In progress (seed: {@code CALL_STARTED}). */
        ACTIVE,
        /** Over (seed: {@code CALL_ENDED}); {@code reason} says how. */
        ENDED
    }

    public enum CallDirection {
        INCOMING,
        OUTGOING
    }
}
