package org.switchboard.webhook;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One event for one webhook: its body, signed and sent as it was first written, and how the tries went. A failed try is
 * repeated after a pause that doubles each time, until the limit of tries.
 */
@Entity
@Table(name = "sms_webhook_delivery")
@NamedQuery(
        name = WebhookDelivery.DUE,
        query = "select d.deliveryId from WebhookDelivery d, Webhook w where w.id = d.webhookId and w.enabled = true"
                + " and d.state = :pending and d.nextAttemptAt <= :now order by d.nextAttemptAt")
@NamedQuery(
        name = WebhookDelivery.BY_DELIVERY_ID,
        query = "select d from WebhookDelivery d where d.deliveryId = :deliveryId")
@NamedQuery(
        name = WebhookDelivery.RECENT_OF,
        query = "select d from WebhookDelivery d where d.webhookId = :webhook order by d.id desc")
@NamedQuery(
        name = WebhookDelivery.DELETE_FINISHED_BEFORE,
        query = "delete from WebhookDelivery d where d.state <> :pending and d.finishedAt < :before")
public class WebhookDelivery {

    static final String DUE = "WebhookDelivery.due";
    static final String BY_DELIVERY_ID = "WebhookDelivery.byDeliveryId";
    static final String RECENT_OF = "WebhookDelivery.recentOf";
    static final String DELETE_FINISHED_BEFORE = "WebhookDelivery.deleteFinishedBefore";
    static final int MAX_ERROR = 500;
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Sent as X-Switchboard-Delivery and in the body: the same on every try, so receivers can drop repeats. */
    @Column(name = "delivery_id", nullable = false, updatable = false)
    private String deliveryId;

    @Column(name = "webhook_id", nullable = false, updatable = false)
    private Long webhookId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private WebhookEvent event;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** Two workers may pick the same due delivery (the sweep and a scheduled retry): only one claim commits. */
    @Version
    private long version;

    protected WebhookDelivery() {}

    WebhookDelivery(String deliveryId, long webhookId, WebhookEvent event, String body, Instant now) {
        this.deliveryId = Objects.requireNonNull(deliveryId);
        this.webhookId = webhookId;
        this.event = Objects.requireNonNull(event);
        this.body = Objects.requireNonNull(body);
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    boolean isDue(Instant now) {
        return state == State.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** Taken for a try: nobody else tries it before {@code until}, when a try cut short by a stop is taken up again. */
    void claim(Instant until) {
        nextAttemptAt = until;
    }

    /**
     * Records a try: a 2xx status delivers it; anything else, or no answer ({@code status} null), is tried again after
     * {@link #pauseAfter} unless that was the last try.
     */
    State attempted(Integer status, String error, Instant now, int maxAttempts, Duration firstPause) {
        attempts++;
        lastStatus = status;
        lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        if (status != null && status / 100 == 2) {
            state = State.DELIVERED;
            finishedAt = now;
        } else if (attempts >= maxAttempts) {
            state = State.FAILED;
            finishedAt = now;
        } else {
            nextAttemptAt = now.plus(pauseAfter(attempts, firstPause));
        }
        return state;
    }

    /** The pause after the n-th failed try: the first pause, doubled each time, at most an hour. */
    static Duration pauseAfter(int failedAttempts, Duration firstPause) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration pause = firstPause.multipliedBy(1L << doublings);
        return pause.isNegative() || pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    public Long getId() {
        return id;
    }

    public String getDeliveryId() {
        return deliveryId;
    }

    public Long getWebhookId() {
        return webhookId;
    }

    public WebhookEvent getEvent() {
        return event;
    }

    public String getEventName() {
        return event.wireName();
    }

    public String getBody() {
        return body;
    }

    public State getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
