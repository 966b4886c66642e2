package org.switchboard.audit;

import java.time.Instant;
import org.switchboard.audit.AuditEvent.Outcome;

/**
 * What the audit page narrows the trail to; a null field does not filter. The actor matches any part of the name, the
 * target matches exactly.
 */
public record AuditFilter(String actor, String action, String target, Outcome outcome, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    public static AuditFilter byActor(String actor) {
        return new AuditFilter(actor, null, null, null, null, null);
    }

    public AuditFilter withAction(String newAction) {
        return new AuditFilter(actor, newAction, target, outcome, from, to);
    }

    public AuditFilter withTarget(String newTarget) {
        return new AuditFilter(actor, action, newTarget, outcome, from, to);
    }

    public AuditFilter withOutcome(Outcome newOutcome) {
        return new AuditFilter(actor, action, target, newOutcome, from, to);
    }
}
