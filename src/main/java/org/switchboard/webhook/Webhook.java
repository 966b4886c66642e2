package org.switchboard.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A URL an admin registered to be told of incoming SMS and message states. Its secret signs each request; unlike an API
 * key it is stored as it is, because signing needs it, and it is shown only when the webhook is created.
 */
@Entity
@Table(name = "sms_webhook")
@NamedQuery(name = Webhook.ALL, query = "select w from Webhook w order by w.id")
@NamedQuery(name = Webhook.ENABLED, query = "select w from Webhook w where w.enabled = true order by w.id")
public class Webhook {

    static final String ALL = "Webhook.all";
    static final String ENABLED = "Webhook.enabled";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @Column(name = "on_received", nullable = false)
    private boolean onReceived;

    @Column(name = "on_state", nullable = false)
    private boolean onState;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Webhook() {}

    Webhook(String url, String secret, Set<WebhookEvent> events, String createdBy, Instant createdAt) {
        this.url = Objects.requireNonNull(url);
        this.secret = Objects.requireNonNull(secret);
        this.onReceived = events.contains(WebhookEvent.SMS_RECEIVED);
        this.onState = events.contains(WebhookEvent.SMS_STATE);
        this.enabled = true;
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    boolean wants(WebhookEvent event) {
        return enabled && (event == WebhookEvent.SMS_RECEIVED ? onReceived : onState);
    }

    /** @return whether it changed */
    boolean setEnabled(boolean enabled) {
        boolean changed = this.enabled != enabled;
        this.enabled = enabled;
        return changed;
    }

    String secret() {
        return secret;
    }

    void renewSecret(String secret) {
        this.secret = Objects.requireNonNull(secret);
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public Set<WebhookEvent> getEvents() {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        if (onReceived) {
            events.add(WebhookEvent.SMS_RECEIVED);
        }
        if (onState) {
            events.add(WebhookEvent.SMS_STATE);
        }
        return events;
    }

    /** The events' wire names, for a table cell. */
    public String getEventNames() {
        return String.join(
                ", ", getEvents().stream().map(WebhookEvent::wireName).toList());
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
