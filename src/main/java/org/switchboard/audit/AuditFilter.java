package org.switchboard.audit;

import java.time.Instant;
import org.switchboard.audit.AuditEvent.Outcome;

/** What the audit page narrows the trail to; a null field does not filter. */
public record AuditFilter(String actor, String action, Outcome outcome, Instant from, Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
}
