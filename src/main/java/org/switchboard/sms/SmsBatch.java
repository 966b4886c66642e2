package org.switchboard.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * One send request and the messages it queued: a campaign, which can be paused, resumed and cancelled. Found again
 * by its idempotency key when the request is repeated.
 */
@Entity
@Table(name = "sms_batch")
@NamedQuery(
        name = SmsBatch.BY_KEY,
        query = "select b from SmsBatch b where b.createdBy = :actor and b.idempotencyKey = :key")
public class SmsBatch {

    static final String BY_KEY = "SmsBatch.byKey";
    static final int MAX_KEY = 100;

    /** Whether the dispatcher may hand its queued messages to phones. */
    public enum Status {
        ACTIVE,
        /** Queued messages wait (their time to live still runs); those already on a phone go on. */
        PAUSED,
        /** Queued messages were cancelled; those already on a phone could not be called back. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    /** SHA-256 of the request as understood, so that a key reused for another request is caught. */
    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @Column(nullable = false, updatable = false)
    private int total;

    /** As written, placeholders and all. */
    @Column(updatable = false)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.ACTIVE;

    /** Pauses, resumes and cancels on two nodes: the later one's change fails rather than undoes the first. */
    @Version
    private long version;

    protected SmsBatch() {}

    SmsBatch(String createdBy, Instant createdAt, String idempotencyKey, String requestHash, int total, String text) {
        this.createdBy = Objects.requireNonNull(createdBy);
        this.text = text;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.idempotencyKey = idempotencyKey;
        this.requestHash = Objects.requireNonNull(requestHash);
        this.total = total;
    }

    public Long getId() {
        return id;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    String getRequestHash() {
        return requestHash;
    }

    public int getTotal() {
        return total;
    }

    public String getText() {
        return text;
    }

    public Status getStatus() {
        return status;
    }

    /** @return whether it changed: only an active campaign pauses, only a paused one resumes */
    boolean pause() {
        return change(Status.ACTIVE, Status.PAUSED);
    }

    boolean resume() {
        return change(Status.PAUSED, Status.ACTIVE);
    }

    boolean cancel() {
        if (status == Status.CANCELLED) {
            return false;
        }
        status = Status.CANCELLED;
        return true;
    }

    private boolean change(Status from, Status to) {
        if (status != from) {
            return false;
        }
        status = to;
        return true;
    }
}
