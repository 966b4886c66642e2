package org.switchboard.phone;

/** A phone has no live connection any more. Its queued commands wait for it to come back. */
public record PhoneDisconnected(long deviceId, String deviceName, Reason reason) {

    public enum Reason {
        CLOSED,
        HEARTBEAT_TIMEOUT,
        REVOKED,
        TOO_MANY_ERRORS,
        SERVER_STOPPING
    }
}
