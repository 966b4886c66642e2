package org.switchboard.webhook;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.switchboard.audit.AuditEvent;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;

/**
 * The webhooks an admin registers, and their deliveries: one stored per event and webhook in the transaction that made
 * the event, so that a stop of the server loses none; {@link WebhookSender} sends them once that transaction commits.
 * The features whose events webhooks hear of hand them over with {@link #queue}.
 */
@ApplicationScoped
@Transactional
public class Webhooks {

    /** The transaction's resource: the enabled webhooks, read once for all the events of a transaction. */
    private static final Object ENABLED_WEBHOOKS = Webhooks.class.getName() + ".enabled";

    static final String SECRET_PREFIX = "whsec_";
    static final int MAX_URL = 2000;
    /** How long a try holds its delivery; a try cut short by a stop is taken up again after it. */
    static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WebhookSettings settings;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<DeliveriesQueued> queued;

    @Inject
    private Event<WebhookAttempted> attempted;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    /** A webhook just registered, with its secret: shown once. */
    public record Registered(Webhook webhook, String secret) {}

    /** Deliveries stored in a transaction, to send once it commits. */
    public record DeliveriesQueued(List<String> deliveryIds) {}

    /** What a try needs, read in the transaction that claimed the delivery. */
    record Attempt(String deliveryId, WebhookEvent event, URI url, String secret, String body) {}

    public Registered register(String actor, String url, Set<WebhookEvent> events) {
        URI target = validUrl(url);
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "error.sms.webhook.events");
        }
        String secret = Secrets.generate(SECRET_PREFIX);
        Webhook webhook = new Webhook(target.toString(), secret, events, actor, clock.instant());
        em.persist(webhook);
        audit.fire(new AuditEvent(
                actor,
                WebhookAction.WEBHOOK_ADDED.name(),
                webhook.getUrl(),
                AuditEvent.Outcome.SUCCESS,
                webhook.getEventNames()));
        return new Registered(webhook, secret);
    }

    public void setEnabled(String actor, long id, boolean enabled) {
        Webhook webhook = find(id);
        if (webhook.setEnabled(enabled)) {
            audit.fire(new AuditEvent(
                    actor,
                    WebhookAction.WEBHOOK_CHANGED.name(),
                    webhook.getUrl(),
                    AuditEvent.Outcome.SUCCESS,
                    enabled ? "enabled" : "disabled"));
        }
    }

    /**
     * Gives the webhook a new secret, shown once: every request from now on is signed with it, those still pending
     * included. One that the receiver refuses until it has the new secret is tried again as any other.
     */
    public String renewSecret(String actor, long id) {
        Webhook webhook = find(id);
        String secret = Secrets.generate(SECRET_PREFIX);
        webhook.renewSecret(secret);
        audit.fire(new AuditEvent(
                actor,
                WebhookAction.WEBHOOK_CHANGED.name(),
                webhook.getUrl(),
                AuditEvent.Outcome.SUCCESS,
                "new secret"));
        return secret;
    }

    /** Removes the webhook and its deliveries; one being sent at that moment may still arrive. */
    public void delete(String actor, long id) {
        Webhook webhook = find(id);
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :webhook")
                .setParameter("webhook", id)
                .executeUpdate();
        em.remove(webhook);
        audit.fire(AuditEvent.success(actor, WebhookAction.WEBHOOK_DELETED.name(), webhook.getUrl()));
    }

    public List<Webhook> list() {
        return em.createNamedQuery(Webhook.ALL, Webhook.class).getResultList();
    }

    public List<WebhookDelivery> recentDeliveries(long webhookId, int limit) {
        return em.createNamedQuery(WebhookDelivery.RECENT_OF, WebhookDelivery.class)
                .setParameter("webhook", webhookId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * An absolute http or https URL with a host, as receivers are reached by POST; anything else is refused with the
     * reason, before it is stored.
     */
    static URI validUrl(String text) {
        String url = text == null ? "" : text.strip();
        if (url.isEmpty() || url.length() > MAX_URL) {
            throw new InvalidInputException("url", "error.sms.webhook.url", MAX_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "error.sms.webhook.url", MAX_URL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")
                || uri.getHost() == null
                || uri.getHost().isEmpty()
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new InvalidInputException("url", "error.sms.webhook.url", MAX_URL);
        }
        return uri;
    }

    /** Whether an enabled webhook wants the event: for a feature whose payload costs something to make. */
    public boolean anyWants(WebhookEvent event) {
        return !targets(event).isEmpty();
    }

    /**
     * Stores a delivery of the event for each enabled webhook that wants it, in the caller's transaction; they are sent
     * once it commits.
     *
     * @param body the payload of the delivery with that id
     */
    public void queue(WebhookEvent event, Function<String, String> body) {
        List<Webhook> targets = targets(event);
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>(targets.size());
        for (Webhook webhook : targets) {
            String deliveryId = UUID.randomUUID().toString();
            em.persist(new WebhookDelivery(deliveryId, webhook.getId(), event, body.apply(deliveryId), now));
            ids.add(deliveryId);
        }
        queued.fire(new DeliveriesQueued(ids));
    }

    private List<Webhook> targets(WebhookEvent event) {
        @SuppressWarnings("unchecked")
        List<Webhook> enabled = (List<Webhook>) transaction.getResource(ENABLED_WEBHOOKS);
        if (enabled == null) {
            // With the default flush mode, reading would first write out the transaction's changes, which no webhook
            // depends on.
            enabled = em.createNamedQuery(Webhook.ENABLED, Webhook.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
            transaction.putResource(ENABLED_WEBHOOKS, enabled);
        }
        return enabled.stream().filter(webhook -> webhook.wants(event)).toList();
    }

    /** Forgets the deliveries that ended (delivered or failed) before that time; pending ones are kept. */
    int forgetFinishedBefore(Instant before) {
        return em.createNamedQuery(WebhookDelivery.DELETE_FINISHED_BEFORE)
                .setParameter("pending", WebhookDelivery.State.PENDING)
                .setParameter("before", before)
                .executeUpdate();
    }

    /** Deliveries due now, oldest first, of enabled webhooks. */
    List<String> due(int limit) {
        return em.createNamedQuery(WebhookDelivery.DUE, String.class)
                .setParameter("pending", WebhookDelivery.State.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Takes a due delivery of an enabled webhook for one try; empty if it is not due (any more) or paused. */
    Optional<Attempt> claim(String deliveryId) {
        Instant now = clock.instant();
        return delivery(deliveryId).filter(delivery -> delivery.isDue(now)).flatMap(delivery -> {
            Webhook webhook = em.find(Webhook.class, delivery.getWebhookId());
            if (webhook == null || !webhook.isEnabled()) {
                return Optional.empty();
            }
            delivery.claim(now.plus(CLAIM));
            return Optional.of(new Attempt(
                    deliveryId,
                    delivery.getEvent(),
                    URI.create(webhook.getUrl()),
                    webhook.secret(),
                    delivery.getBody()));
        });
    }

    /**
     * Records a try's outcome.
     *
     * @param status the HTTP status, or null if there was no answer
     * @return the pause before the next try, or empty if the delivery is finished (or gone with its webhook)
     */
    Optional<Duration> attempted(String deliveryId, Integer status, String error) {
        Instant now = clock.instant();
        return delivery(deliveryId).flatMap(delivery -> {
            WebhookDelivery.State state =
                    delivery.attempted(status, error, now, settings.maxAttempts(), settings.firstRetry());
            attempted.fire(new WebhookAttempted(deliveryId, delivery.getWebhookId(), state, status));
            return state == WebhookDelivery.State.PENDING
                    ? Optional.of(Duration.between(now, delivery.getNextAttemptAt()))
                    : Optional.empty();
        });
    }

    private Optional<WebhookDelivery> delivery(String deliveryId) {
        return em.createNamedQuery(WebhookDelivery.BY_DELIVERY_ID, WebhookDelivery.class)
                .setParameter("deliveryId", deliveryId)
                .getResultStream()
                .findFirst();
    }

    private Webhook find(long id) {
        return Optional.ofNullable(em.find(Webhook.class, id))
                .orElseThrow(() -> new InvalidInputException("id", "error.sms.webhook.unknown", id));
    }
}
