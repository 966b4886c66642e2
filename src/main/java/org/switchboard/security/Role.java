package org.switchboard.security;

/**
 * What a user may do. ADMIN manages users, keys and phones; STAFF sends SMS and handles calls; VIEWER only reads.
 * The names are also the Jakarta Security groups; which pages each opens is in {@link AccountGateFilter}.
 */
public enum Role {
    ADMIN,
    STAFF,
    VIEWER;

    /** Whether users of this role answer, place and handle calls (viewers only read the call log). */
    public boolean handlesCalls() {
        return this == ADMIN || this == STAFF;
    }

    /** Only admins see raw phone numbers unless granted per user. */
    boolean seesNumbersByDefault() {
        return this == ADMIN;
    }
}
