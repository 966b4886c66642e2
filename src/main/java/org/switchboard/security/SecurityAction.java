package org.switchboard.security;

/** The audit trail's action codes for sign-in, users and API keys. */
enum SecurityAction {
    LOGIN,
    LOGIN_FAILED,
    USERNAME_HELD_BACK,
    ADDRESS_HELD_BACK,
    LOGOUT,
    USER_CREATED,
    USER_UPDATED,
    USER_ENABLED,
    USER_DISABLED,
    USER_UNLOCKED,
    PASSWORD_RESET,
    PASSWORD_CHANGED,
    LANGUAGE_CHANGED,
    API_KEY_CREATED,
    API_KEY_REVOKED
}
