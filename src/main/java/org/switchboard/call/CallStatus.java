package org.switchboard.call;

import java.util.List;

/** Where a call stands, as the log and the live panels show it. */
public enum CallStatus {
    /** Asked of a phone, not yet reported dialling. */
    PLACING,
    /** Incoming, not answered yet. */
    RINGING,
    /** Outgoing, the other party not reached yet. */
    DIALING,
    ACTIVE,
    /** Its phone went away during the call; the phone's next report says what became of it. */
    UNKNOWN,
    /** Talked, then hung up. */
    COMPLETED,
    /** Incoming, rang out without being answered. */
    MISSED,
    /** Incoming, turned down from Switchboard (or reported rejected by the phone). */
    REJECTED,
    /** Outgoing, never connected: no phone, busy, no answer, refused. */
    FAILED,
    /**
     * Outgoing, handed to a phone that reports nothing of its calls (seed protocol) and closed by a user: what became
     * of it is not known.
     */
    UNREPORTED;

    public boolean isOpen() {
        return this == PLACING || this == RINGING || this == DIALING || this == ACTIVE || this == UNKNOWN;
    }

    static final List<CallStatus> OPEN = List.of(PLACING, RINGING, DIALING, ACTIVE, UNKNOWN);
}
