package org.switchboard.call;

/** The audit trail's action codes for calls. */
enum CallAction {
    CALL_PLACED,
    CALL_ANSWERED,
    CALL_REJECTED,
    CALL_HUNG_UP,
    CALL_DTMF_SENT,
    CALL_MUTED,
    CALL_UNMUTED,
    CALL_NOTES_SAVED,
    CALL_TAKEN_OVER,
    CALL_COMMAND_FAILED
}
