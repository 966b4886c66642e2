package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.audit.AuditEvent;
import org.switchboard.platform.JsonBuilders;

/**
 * The phone side of {@code /ws/phone} (see docs/protocol.md): who a new socket belongs to, what each frame means, and
 * what the phone is told back. {@link PhoneEndpoint} hands every socket event here.
 */
@ApplicationScoped
public class PhoneSessions {

    static final int MAX_FRAME_CHARS = 64 * 1024;
    /**
     * Beyond this the WebSocket layer closes the connection without reading the rest: 1009 for a fragmented message,
     * 1011 for a single frame, which overflows Tyrus' buffer (web.xml) before any size is checked.
     */
    static final int HARD_FRAME_LIMIT = 1024 * 1024;

    static final CloseReason.CloseCode UNAUTHORIZED = CloseReason.CloseCodes.getCloseCode(4401);
    static final CloseReason.CloseCode HEARTBEAT_TIMEOUT = CloseReason.CloseCodes.getCloseCode(4408);
    static final int PROTOCOL_VERSION = 1;
    /** How far ahead of the server's clock a phone may date what it reports. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);
    /** Before this a phone's clock was not set (Android starts from 1970 without network time). */
    static final Instant EARLIEST_REPORT = Instant.parse("2000-01-01T00:00:00Z");

    private static final String CONNECTION = PhoneConnection.class.getName();
    private static final Logger LOG = Logger.getLogger(PhoneSessions.class.getName());
    private static final AtomicLong FRAME_IDS = new AtomicLong();

    private final RepeatedFailures repeatedFailures = new RepeatedFailures(LOG);

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneRegistry registry;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private PhoneCommands commands;

    @Inject
    private PhoneReports reports;

    @Inject
    private ReportWriter reportWriter;

    @Inject
    private PhoneSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<Object> events;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private RefusedConnections refusals;

    void opened(Session session, String token, boolean declaredSeed) {
        session.setMaxTextMessageBufferSize(HARD_FRAME_LIMIT);
        DeviceService.Authentication authentication = devices.authenticate(token);
        if (authentication instanceof DeviceService.Authentication.Accepted accepted) {
            accept(session, accepted, declaredSeed);
        } else if (authentication instanceof DeviceService.Authentication.Revoked revoked) {
            refuse(session, revoked.deviceName(), PhoneRegistry.REVOKED, "this phone has been revoked");
        } else {
            refuse(session, null, UNAUTHORIZED, token == null ? "a token is required" : "unknown token");
        }
    }

    void received(Session session, String text) {
        PhoneConnection connection = connection(session);
        if (connection == null || registry.isRevoked(connection.deviceId())) {
            return;
        }
        Instant now = clock.instant();
        if (connection.heard(now)) {
            devices.seen(connection.deviceId());
        }
        Frame frame = null;
        try {
            if (text.length() > MAX_FRAME_CHARS) {
                throw new FrameError(
                        Frame.ErrorCode.FRAME_TOO_LARGE, null, null, "at most " + MAX_FRAME_CHARS + " characters");
            }
            frame = Frame.parse(text);
            handle(connection, frame);
        } catch (RuntimeException e) {
            failed(connection, frame, e);
        }
    }

    /**
     * Tells the phone why its frame (null: unreadable) was refused, and closes a connection sending mostly errors. The
     * server's own failures count too: a phone resending what the server cannot store would otherwise loop for ever.
     */
    private void failed(PhoneConnection connection, Frame frame, RuntimeException failure) {
        Instant now = clock.instant();
        if (failure instanceof FrameError e) {
            String frameId = e.frameId() != null || frame == null ? e.frameId() : frame.id();
            sendError(connection, e.code(), frameId, e.field(), e.getMessage());
        } else {
            repeatedFailures.failed(connection.deviceName(), failure, now);
            sendError(
                    connection,
                    Frame.ErrorCode.SERVER_ERROR,
                    frame == null ? null : frame.id(),
                    null,
                    "the server could not handle this frame; send it again later");
        }
        if (connection.tooManyErrors(now)) {
            connection.close(
                    PhoneDisconnected.Reason.TOO_MANY_ERRORS,
                    CloseReason.CloseCodes.VIOLATED_POLICY,
                    "too many invalid frames");
        }
    }

    void pong(Session session) {
        PhoneConnection connection = connection(session);
        if (connection != null && !registry.isRevoked(connection.deviceId()) && connection.heard(clock.instant())) {
            devices.seen(connection.deviceId());
        }
    }

    void closed(Session session) {
        PhoneConnection connection = connection(session);
        if (connection != null) {
            gone(connection);
        }
    }

    /** Cuts off a phone that has been silent too long; its commands stay queued for its next connection. */
    void timedOut(PhoneConnection connection) {
        connection.close(
                PhoneDisconnected.Reason.HEARTBEAT_TIMEOUT,
                HEARTBEAT_TIMEOUT,
                "no heartbeat for " + settings.offlineAfter().toSeconds() + " s");
        gone(connection);
    }

    /** The server's half of the heartbeat. */
    void ping(PhoneConnection connection) {
        connection.pinging(clock.instant());
        if (connection.protocol() == PhoneProtocol.V1) {
            connection.send(Frame.outgoing("ping", nextId(), null));
        } else {
            connection.ping();
        }
    }

    private void accept(Session session, DeviceService.Authentication.Accepted device, boolean declaredSeed) {
        PhoneConnection connection = new PhoneConnection(
                session,
                device.deviceId(),
                device.deviceName(),
                declaredSeed ? PhoneProtocol.SEED : null,
                clock.instant(),
                registry.writers());
        if (!registry.register(connection)) {
            refuse(session, device.deviceName(), PhoneRegistry.REVOKED, "this phone has been revoked");
            return;
        }
        session.getUserProperties().put(CONNECTION, connection);
        devices.connected(device.deviceId());
        audit.fire(new AuditEvent(
                AuditEvent.SYSTEM,
                PhoneAction.PHONE_CONNECTED.name(),
                device.deviceName(),
                AuditEvent.Outcome.SUCCESS,
                session.isSecure() ? "wss" : "ws (unencrypted)"));
        events.fire(new PhoneConnected(device.deviceId(), device.deviceName()));
        if (declaredSeed) {
            devices.speaks(device.deviceId(), PhoneProtocol.SEED);
            gateway.sendWaiting(connection);
        }
    }

    private void refuse(Session session, String deviceName, CloseReason.CloseCode code, String reason) {
        refusals.refused(deviceName, reason);
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a refused phone socket failed", e);
        }
    }

    private void gone(PhoneConnection connection) {
        if (!registry.remove(connection)) {
            return;
        }
        devices.seen(connection.deviceId());
        PhoneDisconnected.Reason reason = connection.closedBecause();
        audit.fire(new AuditEvent(
                AuditEvent.SYSTEM,
                PhoneAction.PHONE_DISCONNECTED.name(),
                connection.deviceName(),
                AuditEvent.Outcome.SUCCESS,
                reason.name()));
        events.fire(new PhoneDisconnected(connection.deviceId(), connection.deviceName(), reason));
    }

    private void handle(PhoneConnection connection, Frame frame) {
        switch (frame.action()) {
            case "phone_status", "CALL_INCOMING", "CALL_STARTED", "CALL_ENDED", "SMS" -> seedFrame(connection, frame);
            case "hello" -> hello(connection, frame);
            case "ping", "pong", "ack", "result", "status", "sms_status", "sms_received", "call_state" ->
                v1Frame(connection, frame);
            default -> throw new FrameError(Frame.ErrorCode.UNKNOWN_ACTION, frame.id(), "action", frame.action());
        }
    }

    private void seedFrame(PhoneConnection connection, Frame frame) {
        long deviceId = connection.deviceId();
        if (!connection.isReady()) {
            connection.speaks(PhoneProtocol.SEED);
            devices.speaks(deviceId, PhoneProtocol.SEED);
            gateway.sendWaiting(connection);
        }
        Instant now = clock.instant();
        switch (frame.action()) {
            case "phone_status" -> {
                if (!(frame.data() == JsonValue.TRUE || frame.data() == JsonValue.FALSE)) {
                    throw new FrameError(Frame.ErrorCode.WRONG_TYPE, null, "data", "true or false");
                }
                DeviceStatus status = DeviceStatus.line(frame.data() == JsonValue.TRUE);
                devices.describe(deviceId, status);
                events.fire(new PhoneStatusChanged(deviceId, status));
            }
            case "SMS" -> {
                String number = frame.string("number", Frame.MAX_NUMBER);
                String name = frame.optionalText("name", Frame.MAX_NAME).orElse(null);
                String text = frame.string("Content", Frame.MAX_SMS_TEXT);
                Object event =
                        switch (frame.string("Type")) {
                            case "Receiving" -> new SmsReceived(deviceId, null, number, name, text, null, now);
                            case "Sends" -> new SmsSentFromPhone(deviceId, number, name, text, now);
                            default ->
                                throw new FrameError(
                                        Frame.ErrorCode.INVALID_VALUE, null, "Type", "\"Sends\" or \"Receiving\"");
                        };
                reports.once(deviceId, null, () -> events.fire(event));
            }
            default -> {
                CallReported.CallState state =
                        switch (frame.action()) {
                            case "CALL_INCOMING" -> CallReported.CallState.RINGING;
                            case "CALL_STARTED" -> CallReported.CallState.ACTIVE;
                            default -> CallReported.CallState.ENDED;
                        };
                CallReported.CallDirection direction =
                        state == CallReported.CallState.RINGING ? CallReported.CallDirection.INCOMING : null;
                CallReported call = new CallReported(
                        deviceId,
                        null,
                        state,
                        direction,
                        frame.optionalNumber("number").orElse(null),
                        frame.optionalText("name", Frame.MAX_NAME).orElse(null),
                        null,
                        null,
                        null,
                        now);
                reports.once(deviceId, null, () -> events.fire(call));
            }
        }
    }

    private void hello(PhoneConnection connection, Frame frame) {
        requireId(frame);
        int version = frame.integer("protocol");
        if (version != PROTOCOL_VERSION) {
            throw new FrameError(
                    Frame.ErrorCode.UNSUPPORTED_VERSION, frame.id(), "protocol", "this server speaks version 1");
        }
        DeviceStatus status = status(frame, true);
        long deviceId = connection.deviceId();
        devices.describe(deviceId, status);
        devices.speaks(deviceId, PhoneProtocol.V1);
        connection.speaks(PhoneProtocol.V1);
        connection.send(Frame.outgoing(
                "welcome",
                nextId(),
                JsonBuilders.object()
                        .add("ref", frame.id())
                        .add("protocol", PROTOCOL_VERSION)
                        .add("device", connection.deviceName())
                        .add("heartbeatSeconds", settings.heartbeat().toSeconds())
                        .add("serverTime", clock.instant().toString())));
        events.fire(new PhoneStatusChanged(deviceId, status));
        gateway.sendWaiting(connection);
    }

    private void v1Frame(PhoneConnection connection, Frame frame) {
        if (connection.protocol() != PhoneProtocol.V1) {
            throw new FrameError(Frame.ErrorCode.HELLO_REQUIRED, frame.id(), null, "send hello first");
        }
        requireId(frame);
        long deviceId = connection.deviceId();
        // Everything after the frame's checks waits its turn behind the phone's earlier frames, a pong included: it
        // tells the phone that what it sent before has been stored.
        switch (frame.action()) {
            case "ping" ->
                reportWriter.submit(new ReportWriter.Work(
                        deviceId,
                        null,
                        null,
                        null,
                        () -> connection.send(Frame.outgoing(
                                "pong", nextId(), JsonBuilders.object().add("ref", frame.id()))),
                        failed -> {}));
            case "pong" -> {
                // Hearing from the phone is all a pong is for; heard() has recorded it.
            }
            case "ack" -> {
                String commandId = frame.string("ref");
                reportWriter.submit(new ReportWriter.Work(
                        deviceId,
                        null,
                        commandId,
                        () -> commands.acknowledge(deviceId, commandId),
                        () -> {},
                        failed -> failed(connection, frame, failed)));
            }
            default -> {
                Runnable action = report(deviceId, frame);
                reportWriter.submit(new ReportWriter.Work(
                        deviceId,
                        frame.id(),
                        commandOf(frame),
                        () -> reports.once(deviceId, frame.id(), action),
                        () -> connection.send(Frame.outgoing(
                                "ack", nextId(), JsonBuilders.object().add("ref", frame.id()))),
                        failed -> failed(connection, frame, failed)));
            }
        }
    }

    /** The command a report is about, for the report writer to read with the others of its batch. */
    private static String commandOf(Frame frame) {
        return switch (frame.action()) {
            case "result", "sms_status", "call_state" ->
                frame.optionalString("ref").orElse(null);
            default -> null;
        };
    }

    /** What a version-1 report does, checked in full before anything is stored. */
    private Runnable report(long deviceId, Frame frame) {
        Instant now = clock.instant();
        return switch (frame.action()) {
            case "result" -> {
                String commandId = frame.string("ref");
                boolean ok = frame.bool("ok");
                String reason = cutReason(frame);
                yield () -> commands.complete(deviceId, commandId, ok, reason);
            }
            case "status" -> {
                DeviceStatus status = status(frame, false);
                yield () -> {
                    devices.describe(deviceId, status);
                    events.fire(new PhoneStatusChanged(deviceId, status));
                };
            }
            case "sms_status" -> {
                String commandId = frame.string("ref");
                int parts = frame.optionalInteger("parts").orElse(1);
                int part = frame.optionalInteger("part").orElse(1);
                if (parts < 1 || part < 1 || part > parts) {
                    throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), "part", "1 ≤ part ≤ parts");
                }
                SmsPartReported.PartState state = enumValue(frame, "state", SmsPartReported.PartState.class);
                String reason = cutReason(frame);
                yield () -> {
                    PhoneCommand command = commands.find(commandId)
                            .filter(c -> c.getDeviceId() == deviceId && c.getAction() == CommandAction.SEND_SMS)
                            .orElseThrow(() -> new FrameError(
                                    Frame.ErrorCode.UNKNOWN_COMMAND, frame.id(), "ref", "no SMS command " + commandId));
                    // A report on the SMS proves the phone has the command, even if its acknowledgement was lost.
                    commands.acknowledge(command);
                    events.fire(new SmsPartReported(
                            deviceId, commandId, command.getReference(), part, parts, state, reason, now));
                };
            }
            case "sms_received" -> {
                SmsReceived sms = new SmsReceived(
                        deviceId,
                        frame.id(),
                        frame.string("from", Frame.MAX_NUMBER),
                        frame.optionalText("name", Frame.MAX_NAME).orElse(null),
                        frame.string("text", Frame.MAX_SMS_TEXT),
                        frame.optionalInteger("sim").orElse(null),
                        reportedTime(frame, now));
                yield () -> events.fire(sms);
            }
            case "call_state" -> {
                CallReported call = new CallReported(
                        deviceId,
                        frame.string("call", Frame.MAX_ID_LENGTH),
                        enumValue(frame, "state", CallReported.CallState.class),
                        frame.optionalString("direction").isPresent()
                                ? enumValue(frame, "direction", CallReported.CallDirection.class)
                                : null,
                        frame.optionalNumber("number").orElse(null),
                        frame.optionalText("name", Frame.MAX_NAME).orElse(null),
                        cutReason(frame),
                        frame.optionalString("ref", Frame.MAX_COMMAND_ID_LENGTH).orElse(null),
                        frame.optionalInteger("sim").orElse(null),
                        reportedTime(frame, now));
                yield () -> events.fire(call);
            }
            default -> throw new IllegalStateException("not a report: " + frame.action());
        };
    }

    private void sendError(
            PhoneConnection connection, Frame.ErrorCode code, String frameId, String field, String message) {
        JsonObjectBuilder data = JsonBuilders.object().add("code", code.name());
        if (frameId != null) {
            data.add("ref", frameId);
        }
        if (field != null) {
            data.add("field", field);
        }
        if (message != null) {
            data.add("message", message);
        }
        connection.send(Frame.outgoing("error", nextId(), data));
    }

    private static void requireId(Frame frame) {
        if (frame.id() == null) {
            throw new FrameError(Frame.ErrorCode.MISSING_FIELD, null, "id", "every version-1 frame has an id");
        }
    }

    /** What a {@code hello} (with the app, Android and model) or a {@code status} frame says of the phone. */
    private static DeviceStatus status(Frame frame, boolean withIdentity) {
        return new DeviceStatus(
                withIdentity ? frame.optionalText("app", Frame.MAX_VERSION).orElse(null) : null,
                withIdentity ? frame.optionalText("android", Frame.MAX_VERSION).orElse(null) : null,
                withIdentity ? frame.optionalText("model", Frame.MAX_NAME).orElse(null) : null,
                batteryLevel(frame),
                frame.optionalObject("battery")
                        .flatMap(battery -> frame.optionalBoolean(battery, "charging"))
                        .orElse(null),
                signal(frame),
                null,
                sims(frame));
    }

    private static Integer batteryLevel(Frame frame) {
        return frame.optionalObject("battery")
                .flatMap(battery -> frame.optionalIntegerIn(battery, "level"))
                .map(level -> {
                    if (level < 0 || level > 100) {
                        throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), "battery.level", "0 to 100");
                    }
                    return level;
                })
                .orElse(null);
    }

    private static Integer signal(Frame frame) {
        return frame.optionalInteger("signal")
                .map(level -> {
                    if (level < 0 || level > 4) {
                        throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), "signal", "0 to 4");
                    }
                    return level;
                })
                .orElse(null);
    }

    private static List<Sim> sims(Frame frame) {
        Optional<JsonArray> array = frame.optionalArray("sims");
        if (array.isEmpty()) {
            return null;
        }
        List<Sim> sims = new ArrayList<>();
        Set<Integer> slots = new HashSet<>();
        for (JsonValue value : array.get()) {
            if (!(value instanceof JsonObject sim)) {
                throw new FrameError(Frame.ErrorCode.WRONG_TYPE, frame.id(), "sims", "an array of objects");
            }
            int slot = frame.optionalIntegerIn(sim, "slot")
                    .orElseThrow(() -> new FrameError(Frame.ErrorCode.MISSING_FIELD, frame.id(), "sims.slot", null));
            if (!slots.add(slot)) {
                throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), "sims.slot", "one SIM a slot");
            }
            sims.add(new Sim(
                    slot,
                    Frame.cut(frame.optionalStringIn(sim, "carrier").orElse(null), Frame.MAX_NAME),
                    frame.optionalStringIn(sim, "number")
                            .map(number -> frame.checkedLength("sims.number", number, Frame.MAX_NUMBER))
                            .orElse(null)));
        }
        return sims;
    }

    private static <E extends Enum<E>> E enumValue(Frame frame, String field, Class<E> type) {
        String value = frame.string(field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), field, value);
        }
    }

    /**
     * The frame's {@code at}, or the time of receipt without one or with one beyond what a phone's clock can be off by:
     * such a report is still stored (refusing it would lose an SMS, as the phone does not send it again), dated when
     * it arrived, so that it neither sorts above everything for good nor lies decades back. The phone learns the
     * server's time from {@code welcome}.
     */
    private static Instant reportedTime(Frame frame, Instant now) {
        Optional<Instant> at = frame.optionalString("at").map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new FrameError(Frame.ErrorCode.INVALID_VALUE, frame.id(), "at", "an ISO-8601 instant");
            }
        });
        boolean believable = at.isPresent()
                && !at.get().isBefore(EARLIEST_REPORT)
                && !at.get().isAfter(now.plus(MAX_CLOCK_AHEAD));
        return believable ? at.get() : now;
    }

    private static String cutReason(Frame frame) {
        return Frame.cut(frame.optionalString("reason").orElse(null), Frame.MAX_REASON);
    }

    private static String nextId() {
        return "s-" + FRAME_IDS.incrementAndGet();
    }

    private static PhoneConnection connection(Session session) {
        return (PhoneConnection) session.getUserProperties().get(CONNECTION);
    }
}
