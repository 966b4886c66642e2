package org.switchboard.testing;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.switchboard.audit.AuditEvent;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.phone.PairingCodes;
import org.switchboard.phone.PhoneGateway;
import org.switchboard.security.ApiKeyService;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;
import org.switchboard.sms.SmsMessage;
import org.switchboard.sms.SmsOutbox;
import org.switchboard.sms.SmsService;

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
    private PhoneEventLog phoneEvents;

    @PersistenceContext
    private EntityManager em;

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
            default -> throw new IllegalArgumentException(request.getParameter("command"));
        };
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if ("memory".equals(request.getParameter("read"))) {
            response.getWriter().write(memory());
            return;
        }
        if ("audit".equals(request.getParameter("read"))) {
            response.getWriter()
                    .write(em.createQuery(
                                    "select concat(coalesce(a.target, '-'), ' ', a.outcome, ' ', coalesce(a.detail, '-'))"
                                            + " from AuditEntry a where a.action = :action order by a.id desc",
                                    String.class)
                            .setParameter("action", request.getParameter("action"))
                            .setMaxResults(50)
                            .getResultStream()
                            .collect(Collectors.joining("\n")));
            return;
        }
        if ("sms".equals(request.getParameter("read"))) {
            response.getWriter().write(describeSms(Long.parseLong(request.getParameter("id"))));
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
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, "read=events, commands or device");
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
                users.createWithPassword(
                        AuditEvent.SYSTEM,
                        request.getParameter("username"),
                        request.getParameter("username"),
                        Role.valueOf(request.getParameter("role")),
                        request.getParameter("password"),
                        Boolean.parseBoolean(request.getParameter("temporary")));
                response.getWriter().write("created");
            }
            case "disabled" -> {
                users.setEnabled(AuditEvent.SYSTEM, request.getParameter("username"), false);
                response.getWriter().write("disabled");
            }
            case "revokedApiKey" -> {
                ApiKeyService.IssuedKey issued = apiKeys.create(AuditEvent.SYSTEM, request.getParameter("name"));
                apiKeys.revoke(AuditEvent.SYSTEM, issued.key().getId());
                response.getWriter().write(issued.secret());
            }
            case "apiKey" ->
                response.getWriter()
                        .write(apiKeys.create(AuditEvent.SYSTEM, request.getParameter("name"))
                                .secret());
            default ->
                response.sendError(
                        HttpServletResponse.SC_BAD_REQUEST,
                        "create=user, disabled, apiKey, revokedApiKey or device; or command=…");
        }
    }
}
