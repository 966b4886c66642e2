package org.switchboard.testing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.switchboard.audit.AuditEvent;
import org.switchboard.call.Call;
import org.switchboard.call.CallService;
import org.switchboard.contact.CallerLookup;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.phone.PairingCodes;
import org.switchboard.phone.PhoneGateway;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.ApiKeyService;
import org.switchboard.security.Role;
import org.switchboard.security.User;
import org.switchboard.security.UserService;
import org.switchboard.sms.Campaigns;
import org.switchboard.sms.IncomingSms;
import org.switchboard.sms.SmsMessage;
import org.switchboard.sms.SmsOutbox;
import org.switchboard.sms.SmsService;
import org.switchboard.sms.SmsTemplates;
import org.switchboard.webhook.WebhookDelivery;
import org.switchboard.webhook.WebhookEvent;
import org.switchboard.webhook.WebhookSender;
import org.switchboard.webhook.Webhooks;

/**
 * Test-only: sets up users and API keys through the real services for tests that drive the application from outside
 * (HTTP clients, browsers). It exists only in test deployments ({@link Deployments}).
 */
@WebServlet(FixtureServlet.PATH)
public class FixtureServlet extends HttpServlet {

    public static final String PATH = "/test-fixtures";
    private static final long serialVersionUID = 1L;
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    @Inject
    private UserService users;

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private PairingCodes pairingCodes;

    @Inject
    private SmsService sms;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private SmsTemplates templates;

    @Inject
    private Campaigns campaigns;

    @Inject
    private PhoneEventLog phoneEvents;

    @Inject
    private CallService calls;

    @Inject
    private Webhooks webhooks;

    @Inject
    private WebhookLog webhookLog;

    @Inject
    private WebhookSender webhookSender;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CallerLookup callerLookup;

    private final Object callsLock = new Object();

    /**
     * What a page does in one request when it reads, pushes and reads on: a WebSocket send schedules a task on the
     * managed scheduler (Tyrus re-arms its idle timer), the page reads while that task runs, the task ends, and the
     * page reads again. Every read must work.
     */
    private String readsAroundManagedTask() {
        List<Supplier<Object>> reads = List.of(
                calls::live,
                calls::missedNotFollowedUp,
                () -> calls.recentWith("+21650000000", 0, 5),
                () -> calls.recentSms("+21650000000", 5),
                campaigns::count,
                () -> campaigns.recent(0, 5),
                () -> callerLookup.lookup("+21650000000"));
        reads.forEach(Supplier::get);
        CountDownLatch readMeanwhile = new CountDownLatch(1);
        ScheduledFuture<Boolean> task = scheduler.schedule(
                () -> readMeanwhile.await(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS), 0, TimeUnit.MILLISECONDS);
        reads.forEach(Supplier::get);
        readMeanwhile.countDown();
        try {
            task.get(EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reads.forEach(Supplier::get);
        return "read, task ended, read again";
    }

    private String command(HttpServletRequest request) {
        String actor = "fixture";
        long device = Long.parseLong(request.getParameter("device"));
        String call = request.getParameter("call");
        Integer sim = request.getParameter("sim") == null ? null : Integer.valueOf(request.getParameter("sim"));
        return switch (request.getParameter("command")) {
            case "sms" ->
                gateway.sendSms(
                        actor,
                        device,
                        request.getParameter("reference"),
                        request.getParameter("to"),
                        request.getParameter("text"),
                        sim);
            case "call" ->
                gateway.call(actor, device, request.getParameter("reference"), request.getParameter("to"), sim);
            case "answer" -> gateway.answer(actor, device, call);
            case "reject" -> gateway.reject(actor, device, call);
            case "hangUp" -> gateway.hangUp(actor, device, call);
            case "dtmf" -> gateway.dtmf(actor, device, call, request.getParameter("digits"));
            case "cancel" -> String.valueOf(gateway.cancel(request.getParameter("id")));
            case "revoke" -> {
                devices.revoke(actor, device);
                yield "revoked";
            }
            case "pace" -> {
                devices.setSmsPace(actor, device, Integer.valueOf(request.getParameter("parts")));
                yield "paced";
            }
            default -> throw new IllegalArgumentException(request.getParameter("command"));
        };
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if ("logLines".equals(request.getParameter("read"))) {
            response.getWriter().write(String.valueOf(LogLines.count()));
            return;
        }
        if ("logRecords".equals(request.getParameter("read"))) {
            response.getWriter().write(String.valueOf(LogLines.records()));
            return;
        }
        if ("memory".equals(request.getParameter("read"))) {
            response.getWriter().write(memory());
            return;
        }
        if ("aroundManagedTask".equals(request.getParameter("reads"))) {
            try {
                response.getWriter().write(readsAroundManagedTask());
            } catch (RuntimeException e) {
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.getWriter().write(e.toString());
            }
            return;
        }
        if ("audit".equals(request.getParameter("read"))) {
            String actor = request.getParameter("actor");
            TypedQuery<String> entries = em.createQuery(
                            "select concat(coalesce(a.target, '-'), ' ', a.outcome, ' ', coalesce(a.detail, '-'))"
                                    + " from AuditEntry a where a.action = :action"
                                    + (actor == null ? "" : " and a.actor = :actor")
                                    + " order by a.id desc",
                            String.class)
                    .setParameter("action", request.getParameter("action"));
            if (actor != null) {
                entries.setParameter("actor", actor);
            }
            response.getWriter()
                    .write(entries.setMaxResults(50).getResultStream().collect(Collectors.joining("\n")));
            return;
        }
        if ("failedLogins".equals(request.getParameter("read"))) {
            User user = users.find(request.getParameter("username")).orElseThrow();
            response.getWriter().write(String.valueOf(user.getFailedLogins()));
            return;
        }
        if ("sms".equals(request.getParameter("read"))) {
            response.getWriter().write(describeSms(Long.parseLong(request.getParameter("id"))));
            return;
        }
        if ("webhookAttempt".equals(request.getParameter("read"))) {
            String delivery = request.getParameter("delivery");
            String until = request.getParameter("until");
            try {
                response.getWriter()
                        .write(String.valueOf(webhookLog.await(
                                attempt -> attempt.deliveryId().equals(delivery)
                                        && attempt.state().name().equals(until),
                                EVENT_WAIT)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            return;
        }
        if ("webhookDeliveries".equals(request.getParameter("read"))) {
            response.getWriter().write(webhookDeliveries(request));
            return;
        }
        if ("smsStates".equals(request.getParameter("read"))) {
            response.getWriter()
                    .write(em.createQuery(
                                    "select m.state, count(m) from SmsMessage m where m.text = :text"
                                            + " group by m.state",
                                    Object[].class)
                            .setParameter("text", request.getParameter("text"))
                            .getResultStream()
                            .map(row -> row[0] + "=" + row[1])
                            .sorted()
                            .collect(Collectors.joining(" ")));
            return;
        }
        if ("incoming".equals(request.getParameter("read"))) {
            response.getWriter()
                    .write(em.createQuery(
                                    "select concat(i.direction, ' ', i.text) from IncomingSms i"
                                            + " where i.number = :number order by i.id",
                                    String.class)
                            .setParameter("number", request.getParameter("number"))
                            .getResultStream()
                            .collect(Collectors.joining("\n")));
            return;
        }
        long device = Long.parseLong(request.getParameter("device"));
        if ("calls".equals(request.getParameter("read"))) {
            response.getWriter().write(callsOnce(device, request.getParameter("until")));
            return;
        }
        switch (request.getParameter("read")) {
            case "events" -> {
                String until = request.getParameter("until");
                List<String> events;
                try {
                    events = until == null ? phoneEvents.of(device) : phoneEvents.await(device, until, EVENT_WAIT);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                response.getWriter().write(String.join("\n", events));
            }
            case "commands" ->
                response.getWriter()
                        .write(em.createQuery(
                                        "select concat(c.commandId, ' ', c.state) from PhoneCommand c"
                                                + " where c.deviceId = :device order by c.id",
                                        String.class)
                                .setParameter("device", device)
                                .getResultStream()
                                .collect(Collectors.joining("\n")));
            case "device" ->
                response.getWriter()
                        .write(String.valueOf(devices.findById(device).map(FixtureServlet::describe)));
            case "incomingOf" ->
                response.getWriter()
                        .write(em.createQuery(
                                        "select i from IncomingSms i where i.deviceId = :device order by i.id",
                                        IncomingSms.class)
                                .setParameter("device", device)
                                .getResultStream()
                                .map(sms -> sms.getNumberAsReported() + " name=" + sms.getNameOnPhone() + " length="
                                        + sms.getText().length())
                                .collect(Collectors.joining("\n")));
            default ->
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "read=events, commands, device or incomingOf");
        }
    }

    /** The server's memory after a full collection: heap in use, and the resident size of the whole process. */
    private static String memory() throws IOException {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", ""))
                .findFirst()
                .orElse("0");
        return "heapUsedBytes=" + heapUsed + " rssKiB=" + rss;
    }

    /**
     * A webhook's deliveries, newest first, {@code deliveryId event STATE attempts=… status=… error=…} a line; with
     * {@code until}, once a try of one of them (or of {@code delivery}) ended in that state, or after 20 s.
     */
    private String webhookDeliveries(HttpServletRequest request) throws IOException {
        long webhook = Long.parseLong(request.getParameter("webhook"));
        String delivery = request.getParameter("delivery");
        String until = request.getParameter("until");
        if (until != null) {
            try {
                webhookLog.await(
                        attempt -> attempt.webhookId() == webhook
                                && (delivery == null || attempt.deliveryId().equals(delivery))
                                && attempt.state().name().equals(until),
                        EVENT_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        return webhooks.recentDeliveries(webhook, 100).stream()
                .map(FixtureServlet::describe)
                .collect(Collectors.joining("\n"));
    }

    private static String describe(WebhookDelivery delivery) {
        return delivery.getDeliveryId() + " " + delivery.getEventName() + " " + delivery.getState() + " attempts="
                + delivery.getAttempts() + " status=" + delivery.getLastStatus() + " error=" + delivery.getLastError();
    }

    /**
     * Moves the webhook's deliveries that ended back in time, as if the days had passed.
     *
     * @return how many were moved
     */
    private int ageDeliveries(long webhook, Duration age) throws IOException {
        try {
            transaction.begin();
            List<WebhookDelivery> ended = em.createQuery(
                            "select d from WebhookDelivery d where d.webhookId = :webhook and d.finishedAt is not null",
                            WebhookDelivery.class)
                    .setParameter("webhook", webhook)
                    .getResultList();
            for (WebhookDelivery delivery : ended) {
                em.createNativeQuery("update sms_webhook_delivery set finished_at = ?1 where id = ?2")
                        .setParameter(1, delivery.getFinishedAt().minus(age).atOffset(ZoneOffset.UTC))
                        .setParameter(2, delivery.getId())
                        .executeUpdate();
            }
            transaction.commit();
            return ended.size();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /** {@code id secret} of a new webhook, or 400 with the message key and field of what was wrong. */
    private void webhook(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String actor = request.getParameter("actor") == null ? AuditEvent.SYSTEM : request.getParameter("actor");
        switch (request.getParameter("webhook")) {
            case "add" -> {
                EnumSet<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
                Arrays.stream(request.getParameter("events").split(","))
                        .filter(name -> !name.isBlank())
                        .map(WebhookEvent::valueOf)
                        .forEach(events::add);
                try {
                    Webhooks.Registered registered = webhooks.register(actor, request.getParameter("url"), events);
                    response.getWriter().write(registered.webhook().getId() + " " + registered.secret());
                } catch (InvalidInputException e) {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.getWriter().write(e.messageKey() + " " + e.field());
                }
            }
            case "enable", "disable" -> {
                webhooks.setEnabled(
                        actor,
                        Long.parseLong(request.getParameter("id")),
                        request.getParameter("webhook").equals("enable"));
                response.getWriter().write("done");
            }
            case "delete" -> {
                webhooks.delete(actor, Long.parseLong(request.getParameter("id")));
                response.getWriter().write("done");
            }
            case "renew" ->
                response.getWriter().write(webhooks.renewSecret(actor, Long.parseLong(request.getParameter("id"))));
            case "age" ->
                response.getWriter()
                        .write(String.valueOf(ageDeliveries(
                                Long.parseLong(request.getParameter("id")),
                                Duration.ofDays(Long.parseLong(request.getParameter("days"))))));
            case "forget" -> response.getWriter().write(String.valueOf(webhookSender.forgetFinished()));
            default ->
                response.sendError(
                        HttpServletResponse.SC_BAD_REQUEST, "webhook=add, enable, disable, delete, renew, age, forget");
        }
    }

    /** {@code STATE device=… attempts=… reason=… | QUEUED DISPATCHED …}: a message and its timeline. */
    private String describeSms(long id) {
        SmsMessage message = outbox.find(id).orElseThrow();
        return message.getState() + " device=" + message.getDeviceId() + " attempts=" + message.getAttempts()
                + " reason=" + message.getFailureReason() + " | "
                + outbox.timeline(id).stream()
                        .map(event -> event.getState().name())
                        .collect(Collectors.joining(" "));
    }

    private static String describe(Device device) {
        return "protocol=" + device.getProtocol() + " app=" + device.getAppVersion() + " android="
                + device.getAndroidVersion() + " model=" + device.getModel() + " battery=" + device.getBatteryLevel()
                + " charging=" + device.getCharging() + " signal=" + device.getSignalLevel() + " lineUp="
                + device.getLineUp() + " sims="
                + device.getSims().stream()
                        .map(sim -> sim.getSlot() + ":" + sim.getCarrier() + ":" + sim.getNumber())
                        .toList();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        response.setContentType("text/plain;charset=UTF-8");
        if (request.getParameter("sms") != null) {
            String device = request.getParameter("device");
            String sim = request.getParameter("sim");
            SmsService.Sent sent = sms.send(
                    "fixture",
                    new SmsService.Request(
                            SmsService.Recipients.numbers(
                                    List.of(request.getParameter("numbers").split(","))),
                            request.getParameter("text"),
                            device == null ? null : Long.valueOf(device),
                            sim == null ? null : Integer.valueOf(sim),
                            null,
                            null));
            response.getWriter()
                    .write(sent.messages().stream()
                            .map(message -> String.valueOf(message.getId()))
                            .collect(Collectors.joining(",")));
            return;
        }
        if (request.getParameter("command") != null) {
            response.getWriter().write(command(request));
            return;
        }
        if (request.getParameter("calls") != null) {
            try {
                response.getWriter().write(callCommand(request));
            } catch (InvalidInputException e) {
                // Not sendError: the application's error page would replace the key the test looks for.
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                response.getWriter().write(e.messageKey());
            }
            return;
        }
        if (request.getParameter("template") != null) {
            templates.save("fixture", null, request.getParameter("template"), request.getParameter("text"));
            response.getWriter().write("saved");
            return;
        }
        if (request.getParameter("campaign") != null) {
            long batch = outbox.find(Long.parseLong(request.getParameter("message")))
                    .orElseThrow()
                    .getBatchId();
            String actor = "fixture";
            response.getWriter()
                    .write(
                            switch (request.getParameter("campaign")) {
                                case "id" -> String.valueOf(batch);
                                case "pause" -> String.valueOf(campaigns.pause(actor, batch));
                                case "resume" -> String.valueOf(campaigns.resume(actor, batch));
                                case "cancel" -> String.valueOf(campaigns.cancel(actor, batch));
                                case "progress" -> {
                                    Campaigns.Progress progress =
                                            campaigns.progress(batch).orElseThrow();
                                    yield "status=" + progress.getBatch().getStatus() + " total=" + progress.getTotal()
                                            + " waiting="
                                            + progress.getWaiting() + " sending=" + progress.getSending()
                                            + " delivered="
                                            + progress.getDelivered() + " failed=" + progress.getFailed()
                                            + " cancelled="
                                            + progress.getCancelled() + " percent=" + progress.getPercent()
                                            + " finished="
                                            + progress.isFinished();
                                }
                                default -> throw new IllegalArgumentException(request.getParameter("campaign"));
                            });
            return;
        }
        if (request.getParameter("webhook") != null) {
            webhook(request, response);
            return;
        }
        switch (request.getParameter("create")) {
            case "device" -> {
                DeviceService.Pairing pairing = devices.pair(AuditEvent.SYSTEM, request.getParameter("name"));
                response.getWriter().write(pairing.device().getId() + " " + pairing.token());
            }
            case "pairingLink" -> {
                DeviceService.Pairing pairing = devices.pair(AuditEvent.SYSTEM, request.getParameter("name"));
                URI origin = URI.create(request.getParameter("origin"));
                response.getWriter()
                        .write(pairingCodes
                                .issue(pairing.token(), origin, request.getContextPath())
                                .link());
            }
            case "user" -> {
                String displayName = request.getParameter("displayName");
                users.createWithPassword(
                        AuditEvent.SYSTEM,
                        request.getParameter("username"),
                        displayName == null ? request.getParameter("username") : displayName,
                        Role.valueOf(request.getParameter("role")),
                        request.getParameter("password"),
                        Boolean.parseBoolean(request.getParameter("temporary")));
                response.getWriter().write("created");
            }
            case "disabled" -> {
                users.setEnabled(AuditEvent.SYSTEM, request.getParameter("username"), false);
                response.getWriter().write("disabled");
            }
            case "unlocked" -> {
                users.unlock(AuditEvent.SYSTEM, request.getParameter("username"));
                response.getWriter().write("unlocked");
            }
            case "role" -> {
                User user = users.find(request.getParameter("username")).orElseThrow();
                users.update(
                        AuditEvent.SYSTEM,
                        user.getUsername(),
                        user.getDisplayName(),
                        Role.valueOf(request.getParameter("role")),
                        user.isCanSeeNumbers());
                response.getWriter().write("changed");
            }
            case "revokedApiKey" -> {
                ApiKeyService.IssuedKey issued = apiKeys.create(keyCreator(request), request.getParameter("name"));
                apiKeys.revoke(AuditEvent.SYSTEM, issued.key().getId());
                response.getWriter().write(issued.secret());
            }
            case "apiKey" ->
                response.getWriter()
                        .write(apiKeys.create(keyCreator(request), request.getParameter("name"))
                                .secret());
            default ->
                response.sendError(
                        HttpServletResponse.SC_BAD_REQUEST,
                        "create=user, disabled, apiKey, revokedApiKey or device; or command=…");
        }
    }

    /** The admin who creates a key: the one named {@code by}, or a new one, as a key works only while its creator does. */
    private String keyCreator(HttpServletRequest request) {
        String creator = request.getParameter("by");
        if (creator != null) {
            return creator;
        }
        String admin = "keys-" + UUID.randomUUID().toString().substring(0, 8);
        users.createWithPassword(AuditEvent.SYSTEM, admin, admin, Role.ADMIN, "fixture-admin-password", false);
        return admin;
    }

    /** What a user does with calls, through the real service: {@code calls=place|answer|reject|hangUp|dtmf|mute|takeOver|notes}. */
    private String callCommand(HttpServletRequest request) {
        String user = request.getParameter("user");
        String device = request.getParameter("device");
        String sim = request.getParameter("sim");
        if ("place".equals(request.getParameter("calls"))) {
            return String.valueOf(calls.place(
                            user,
                            request.getParameter("number"),
                            device == null ? null : Long.valueOf(device),
                            sim == null ? null : Integer.valueOf(sim))
                    .getId());
        }
        long call = Long.parseLong(request.getParameter("call"));
        switch (request.getParameter("calls")) {
            case "answer" -> calls.answer(user, call);
            case "reject" -> calls.reject(user, call);
            case "hangUp" -> calls.hangUp(user, call);
            case "dtmf" -> calls.dtmf(user, call, request.getParameter("digits"));
            case "mute" -> calls.toggleMute(user, call);
            case "takeOver" -> calls.takeOver(user, call);
            case "notes" -> calls.saveNotes(user, call, request.getParameter("notes"));
            default -> throw new IllegalArgumentException(request.getParameter("calls"));
        }
        return "ok";
    }

    /**
     * A phone's calls, one a line, once their description contains the text (or after 20 s, to let the caller's
     * assertion fail): calls change in the transactions of phone reports and disconnections the test cannot see end.
     */
    private String callsOnce(long device, String until) throws IOException {
        Instant deadline = Instant.now().plus(EVENT_WAIT);
        String described = describeCalls(device);
        while (until != null && !described.contains(until) && Instant.now().isBefore(deadline)) {
            synchronized (callsLock) {
                try {
                    callsLock.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            described = describeCalls(device);
        }
        return described;
    }

    /** {@code id DIRECTION STATE number=… contact=… handledBy=… …} a line, oldest first. */
    private String describeCalls(long device) {
        return em.createQuery("select c from Call c where c.deviceId = :device order by c.id", Call.class)
                .setParameter("device", device)
                .getResultStream()
                .map(c -> c.getId() + " " + c.getDirection() + " " + c.getState() + " number=" + c.getNumber()
                        + " contact=" + c.getContactName() + " phoneCall=" + c.getPhoneCallId() + " placedBy="
                        + c.getPlacedBy() + " handledBy=" + c.getHandledBy() + " rejectedBy=" + c.getRejectedBy()
                        + " endedBy=" + c.getEndedBy() + " answered=" + (c.getAnsweredAt() != null) + " duration="
                        + c.getDurationSeconds() + " reason=" + c.getEndReason() + " failure="
                        + c.getControlFailure() + " muted=" + c.isMuted() + " notes=" + c.getNotes() + " nameOnPhone="
                        + c.getNameOnPhone())
                .collect(Collectors.joining("\n"));
    }
}
