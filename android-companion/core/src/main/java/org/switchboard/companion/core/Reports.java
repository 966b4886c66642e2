package org.switchboard.companion.core;

import java.time.Instant;

/**
 * What the phone tells the server. Each call becomes a report with its own id, stored durably before the method
 * returns and sent until the server acknowledges it, across reconnections and restarts. Thread-safe.
 */
public interface Reports {

    enum SmsPartState {
        SENT,
        DELIVERED,
        FAILED
    }

    enum CallState {
        RINGING,
        DIALING,
        ACTIVE,
        ENDED
    }

    enum CallDirection {
        INCOMING,
        OUTGOING
    }

    /** A command's outcome; {@code reason} (e.g. NO_SERVICE) when it failed. */
    void result(String commandId, boolean ok, String reason);

    /** One part of a {@code send_sms} command's SMS, numbered from 1. */
    void smsPart(String commandId, int part, int parts, SmsPartState state, String reason);

    /** An SMS arrived, whole. {@code sim} and {@code at} may be null. */
    void smsReceived(String from, String text, Integer sim, Instant at);

    /**
     * A call changed state.
     *
     * @param number null for a hidden caller
     * @param commandId the {@code call} command that placed it, or null
     * @param reason how it ended, or null
     */
    void callState(
            String call,
            CallState state,
            CallDirection direction,
            String number,
            String commandId,
            String reason,
            Integer sim);

    void status(DeviceStatus status);
}
