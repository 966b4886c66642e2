package org.switchboard.contact;

public enum ContactKind {
    STUDENT,
    GUARDIAN,
    STAFF,
    OTHER
}
