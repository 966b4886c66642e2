package org.switchboard.audit;

import java.util.Objects;

/**
 * Something worth recording in the audit trail. Services fire it as a CDI event; {@link AuditTrail} stores it.
 *
 * @param actor who did it: a username, an API key's name, or {@link #SYSTEM}
 * @param action what was done, an upper-case code owned by the feature that fires it, e.g. {@code LOGIN}
 * @param target what it was done to, e.g. the username whose password was reset; may be null
 * @param outcome whether it worked
 * @param detail free text for the reader of the trail; may be null
 */
public record AuditEvent(String actor, String action, String target, Outcome outcome, String detail) {

    public static final String SYSTEM = "system";

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEvent success(String actor, String action, String target) {
        return new AuditEvent(actor, action, target, Outcome.SUCCESS, null);
    }

    public static AuditEvent failure(String actor, String action, String target, String detail) {
        return new AuditEvent(actor, action, target, Outcome.FAILURE, detail);
    }

    public enum Outcome {
        SUCCESS,
        FAILURE,
        DENIED
    }
}
