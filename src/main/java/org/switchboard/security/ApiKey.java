package org.switchboard.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A key another system (the school's own platform) uses to call the REST API. Only the SHA-256 of the key is stored:
 * keys are long and random, so a slow password hash would add nothing but latency on every call. A key works only
 * while it is not revoked and the user who created it exists and is enabled: a disabled admin's keys stop with them.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(
        name = ApiKey.LIVE_BY_HASH,
        query = "select k from ApiKey k where k.keyHash = :hash and k.revokedAt is null and exists"
                + " (select u from User u where u.username = k.createdBy and u.enabled = true)")
@NamedQuery(name = ApiKey.ALL, query = "select k from ApiKey k order by k.createdAt desc, k.id desc")
public class ApiKey {

    static final String LIVE_BY_HASH = "ApiKey.liveByHash";
    static final String ALL = "ApiKey.all";
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** The first characters of the key, so that an admin can tell keys apart without seeing them. */
    @Column(name = "key_prefix", nullable = false, updatable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, unique = true, updatable = false)
    private String keyHash;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {}

    ApiKey(String name, String keyPrefix, String keyHash, String createdBy, Instant createdAt) {
        this.name = Objects.requireNonNull(name);
        this.keyPrefix = Objects.requireNonNull(keyPrefix);
        this.keyHash = Objects.requireNonNull(keyHash);
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Records a use, at most once a minute, so that a busy client does not write on every call. */
    void markUsed(Instant now) {
        if (lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_PRECISION))) {
            lastUsedAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
