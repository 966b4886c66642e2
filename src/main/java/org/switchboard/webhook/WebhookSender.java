package org.switchboard.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends stored webhook deliveries: each at once after the transaction that stored it commits, a failed one again when
 * its pause is over, and every few seconds whatever is due (what a restart left pending, a webhook enabled again).
 */
@ApplicationScoped
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Switchboard-Event";
    public static final String DELIVERY_HEADER = "X-Switchboard-Delivery";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long SWEEP_MILLIS = 5_000;
    private static final int SWEEP_BATCH = 200;
    private static final long FORGET_EVERY_MINUTES = 60;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Webhooks webhooks;

    @Inject
    private WebhookSettings settings;

    @Inject
    private Clock clock;

    /** Runs what follows each answer: managed threads, so that recording it can use the database. */
    @Resource
    private ManagedExecutorService completions;

    private HttpClient http;

    /** Deliveries handed to the scheduler and not finished: the sweep does not hand them over again. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    private ScheduledFuture<?> sweeping;
    private ScheduledFuture<?> forgetting;

    @PostConstruct
    void createClient() {
        http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(completions)
                .build();
    }

    void start(@Observes Startup startup) {
        sweeping = scheduler.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        forgetting = scheduler.scheduleWithFixedDelay(this::forgetFinished, 1, FORGET_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
        if (forgetting != null) {
            forgetting.cancel(false);
        }
    }

    /**
     * Each event makes a delivery per webhook: those that ended are kept for {@code switchboard.sms.webhook-keep-days}
     * only. Runs every hour.
     *
     * @return how many were forgotten
     */
    public int forgetFinished() {
        try {
            return webhooks.forgetFinishedBefore(clock.instant().minus(settings.keep()));
        } catch (RuntimeException e) {
            // The next hour tries again; the schedule must not die with this one.
            LOG.log(Level.WARNING, "Old webhook deliveries were not forgotten", e);
            return 0;
        }
    }

    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Webhooks.DeliveriesQueued queued) {
        queued.deliveryIds().forEach(this::submit);
    }

    void sweep() {
        try {
            webhooks.due(SWEEP_BATCH).forEach(this::submit);
        } catch (RuntimeException e) {
            // The next sweep tries again; the schedule must not die with this one.
            LOG.log(Level.WARNING, "Webhook sweep failed", e);
        }
    }

    private void submit(String deliveryId) {
        if (inFlight.add(deliveryId)) {
            scheduler.execute(() -> attempt(deliveryId));
        }
    }

    private void attempt(String deliveryId) {
        Optional<Webhooks.Attempt> claimed = Optional.empty();
        try {
            claimed = webhooks.claim(deliveryId);
        } catch (RuntimeException e) {
            // Another worker claimed it, or the database is away: the claim lapses and the sweep takes it up.
            LOG.log(Level.WARNING, "Webhook delivery " + deliveryId + " not tried", e);
        }
        if (claimed.isEmpty()) {
            inFlight.remove(deliveryId);
            return;
        }
        Webhooks.Attempt attempt = claimed.get();
        // No thread waits on the receiver: a slow one holds neither these nor the dispatcher's scheduler threads.
        http.sendAsync(request(attempt), HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            finish(attempt, response, failure);
            return null;
        });
    }

    private HttpRequest request(Webhooks.Attempt attempt) {
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(attempt.url())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Switchboard-Webhooks/1")
                .header(WebhookSignature.HEADER, WebhookSignature.of(attempt.secret(), clock.instant(), body))
                .header(EVENT_HEADER, attempt.event().wireName())
                .header(DELIVERY_HEADER, attempt.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** Records the attempt and, if it failed and tries remain, schedules the next. */
    private void finish(Webhooks.Attempt attempt, HttpResponse<Void> response, Throwable failure) {
        String deliveryId = attempt.deliveryId();
        Integer status = response == null ? null : response.statusCode();
        String error;
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            error = cause.getMessage() == null
                    ? cause.getClass().getSimpleName()
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } else {
            error = status / 100 == 2 ? null : "HTTP " + status;
        }
        if (error != null) {
            LOG.log(Level.FINE, "Webhook delivery {0} to {1}: {2}", new Object[] {deliveryId, attempt.url(), error});
        }
        Optional<Duration> retryIn = Optional.empty();
        try {
            retryIn = webhooks.attempted(deliveryId, status, error);
        } catch (RuntimeException e) {
            // The claim lapses and the sweep tries it again.
            LOG.log(Level.WARNING, "Webhook delivery " + deliveryId + " not recorded", e);
        } finally {
            inFlight.remove(deliveryId);
        }
        retryIn.ifPresent(pause -> {
            if (inFlight.add(deliveryId)) {
                scheduler.schedule(() -> attempt(deliveryId), Math.max(pause.toMillis(), 0), TimeUnit.MILLISECONDS);
            }
        });
    }
}
