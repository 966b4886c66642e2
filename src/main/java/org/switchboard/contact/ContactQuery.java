package org.switchboard.contact;

/** What the contact search narrows to: a name or any part of a number, and a group. Null parts do not filter. */
public record ContactQuery(String text, Long groupId) {

    public static final ContactQuery ALL = new ContactQuery(null, null);

    boolean hasText() {
        return text != null && !text.isBlank();
    }
}
