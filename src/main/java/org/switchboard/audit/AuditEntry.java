package org.switchboard.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.switchboard.audit.AuditEvent.Outcome;

/** One line of the audit trail. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    static final int MAX_DETAIL = 1000;
    static final int MAX_TARGET = 255;
    static final int MAX_ACTOR = 64;

    /** From a sequence (changelog 016): written by many threads at once. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_ids")
    @SequenceGenerator(name = "audit_entry_ids", sequenceName = "audit_entry_seq", allocationSize = 100)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(updatable = false)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    @Column(updatable = false)
    private String detail;

    protected AuditEntry() {}

    AuditEntry(Instant occurredAt, AuditEvent event) {
        this.occurredAt = occurredAt;
        this.actor = truncate(event.actor(), MAX_ACTOR);
        this.action = event.action();
        this.target = truncate(event.target(), MAX_TARGET);
        this.outcome = event.outcome();
        this.detail = truncate(event.detail(), MAX_DETAIL);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getDetail() {
        return detail;
    }
}
