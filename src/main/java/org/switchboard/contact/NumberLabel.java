package org.switchboard.contact;

public enum NumberLabel {
    MOBILE,
    HOME,
    WORK,
    OTHER
}
