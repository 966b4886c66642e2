package org.switchboard.phone;

/** The dialect a phone speaks on {@code /ws/phone}; see docs/protocol.md. */
public enum PhoneProtocol {
    /** Switchboard's own protocol: hello, ids, acknowledgements, heartbeats. */
    V1,
    /** The earlier system's frames ({@code phone_status}, {@code CALL_INCOMING}, {@code Send} …), no ids. */
    SEED
}
