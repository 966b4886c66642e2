package org.switchboard.phone;

/** The audit trail's action codes for phones. */
enum PhoneAction {
    PHONE_PAIRED,
    PHONE_RENAMED,
    PHONE_PACE_CHANGED,
    PHONE_REVOKED,
    PHONE_CONNECTED,
    PHONE_DISCONNECTED,
    PHONE_CONNECTION_REFUSED
}
