package org.switchboard.security;

/**
 * What a user may do. ADMIN manages users, keys and phones; STAFF sends SMS and handles calls; VIEWER only reads.
 * The names are the Jakarta Security groups, so they appear in {@code web.xml} and {@code @RolesAllowed}.
 */
public enum Role {
    ADMIN,
    STAFF,
    VIEWER;

    /** Only admins see raw phone numbers unless granted per user. */
    boolean seesNumbersByDefault() {
        return this == ADMIN;
    }
}
