package org.switchboard.companion.core;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The phone's side of the version-1 protocol (docs/protocol.md): holds one connection, says hello, answers pings,
 * takes on commands once (acknowledging repeats without carrying them out), keeps every report on disk until the
 * server acknowledges it, notices a silent server and reconnects with backoff. All its state lives on one thread.
 */
public final class CompanionClient implements Reports, AutoCloseable {

    /** Where the connection stands; the status screen shows it with {@link #detail()}. */
    public enum State {
        /** Not started, or stopped. */
        STOPPED,
        CONNECTING,
        /** Welcomed by the server: commands and reports flow. */
        CONNECTED,
        /** Lost or refused for now; a new attempt is scheduled. */
        WAITING,
        /** The server refused the token (unknown, revoked): only pairing again helps. */
        REFUSED,
        /** Another installation connected with the same token; this one must not push it out again. */
        REPLACED
    }

    /** Told of changes, on the client's thread: keep it short and hand UI work over to the UI's thread. */
    public interface Listener {
        void stateChanged(State state, String detail);

        default void commandsChanged() {}

        /** The server acknowledged a report: it is stored there and has left the phone's queue. */
        default void reportAcknowledged(String frame) {}
    }

    /** A command as the status screen lists it. */
    public static final class CommandRecord {
        public final String commandId;
        public final String action;
        public final Instant receivedAt;
        /** null while running, "OK", or the failure's reason. */
        public volatile String outcome;

        CommandRecord(String commandId, String action, Instant receivedAt) {
            this.commandId = commandId;
            this.action = action;
            this.receivedAt = receivedAt;
        }
    }

    /** Who the phone says it is in {@code hello}. */
    public static final class Identity {
        final String appVersion;
        final String androidVersion;
        final String model;

        public Identity(String appVersion, String androidVersion, String model) {
            this.appVersion = appVersion;
            this.androidVersion = androidVersion;
            this.model = model;
        }
    }

    /** Timings; the defaults suit a phone, tests shorten them. */
    public static final class Timing {
        long initialBackoffMillis = 1_000;
        long maxBackoffMillis = 60_000;
        /** A server that sends nothing (not even its pings) for this many heartbeat intervals is taken for gone. */
        int silentHeartbeats = 3;

        long minimumSilenceMillis = 10_000;
        long tickMillis = 500;

        public Timing backoff(long initialMillis, long maxMillis) {
            initialBackoffMillis = initialMillis;
            maxBackoffMillis = maxMillis;
            return this;
        }

        public Timing minimumSilence(long millis) {
            minimumSilenceMillis = millis;
            return this;
        }
    }

    private static final int RECENT_COMMANDS = 20;
    private static final long DEFAULT_HEARTBEAT_MILLIS = 30_000;

    private final PairingLink link;
    private final Identity identity;
    private final Telephony telephony;
    private final Transport transport;
    private final Clock clock;
    private final Listener listener;
    private final Timing timing;
    private final Backoff backoff;
    private final ExecutedCommands executed;
    private final ReportQueue reports;
    private final ScheduledExecutorService thread;
    private final Deque<CommandRecord> recent = new ArrayDeque<>();

    // Confined to `thread`.
    private Transport.Connection connection;
    private int generation;
    private boolean welcomed;
    private boolean stopped = true;
    private long heartbeatMillis = DEFAULT_HEARTBEAT_MILLIS;
    private Instant lastHeard;
    private Duration serverClockOffset = Duration.ZERO;
    private final Map<String, Instant> sentOnThisConnection = new HashMap<>();
    private ScheduledFuture<?> ticker;
    private ScheduledFuture<?> reconnection;
    private volatile State state = State.STOPPED;
    private volatile String detail = "";
    private volatile String deviceName;

    public CompanionClient(
            PairingLink link,
            Identity identity,
            Path stateDirectory,
            Telephony telephony,
            Transport transport,
            Clock clock,
            Random random,
            Timing timing,
            Listener listener) {
        this.link = link;
        this.identity = identity;
        this.telephony = telephony;
        this.transport = transport;
        this.clock = clock;
        this.listener = listener;
        this.timing = timing;
        this.backoff = new Backoff(timing.initialBackoffMillis, timing.maxBackoffMillis, random);
        this.executed = new ExecutedCommands(stateDirectory.resolve("executed-commands.log"), clock);
        this.reports = new ReportQueue(stateDirectory.resolve("pending-reports.log"));
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "companion-client");
            worker.setDaemon(true);
            return worker;
        });
    }

    /** Starts the telephony and connects; reconnects on its own until {@link #close()}. */
    public void start() {
        telephony.start(this);
        run(() -> {
            stopped = false;
            ticker = thread.scheduleWithFixedDelay(
                    this::tick, timing.tickMillis, timing.tickMillis, TimeUnit.MILLISECONDS);
            connect();
        });
    }

    /** The network came back: skip the rest of the backoff wait. */
    public void reconnectNow() {
        run(() -> {
            if (!stopped && state == State.WAITING) {
                if (reconnection != null) {
                    reconnection.cancel(false);
                }
                backoff.reset();
                connect();
            }
        });
    }

    @Override
    public void close() {
        run(() -> {
            stopped = true;
            if (ticker != null) {
                ticker.cancel(false);
            }
            dropConnection(1000, "the companion is stopping");
            setState(State.STOPPED, "");
        });
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executed.close();
        reports.close();
    }

    public State state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    /** The name the phone was paired under, once welcomed. */
    public String deviceName() {
        return deviceName;
    }

    public int pendingReports() {
        return reports.size();
    }

    /** The reports waiting for the server's acknowledgement, oldest first, as the frames that will be sent. */
    public List<String> pendingReportFrames() {
        List<String> frames = new ArrayList<>();
        for (Map.Entry<String, String> report : reports.pending()) {
            frames.add(report.getValue());
        }
        return frames;
    }

    /** The latest commands, newest first. */
    public List<CommandRecord> recentCommands() {
        synchronized (recent) {
            return Collections.unmodifiableList(new ArrayList<>(recent));
        }
    }

    // ---- connection ----------------------------------------------------------------------------------------------

    private void connect() {
        if (stopped) {
            return;
        }
        reconnection = null;
        int attempt = ++generation;
        welcomed = false;
        sentOnThisConnection.clear();
        lastHeard = clock.instant();
        setState(State.CONNECTING, link.server().toString());
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + link.token());
        try {
            connection = transport.connect(link.server(), headers, link.certificateSha256(), new Transport.Listener() {
                @Override
                public void opened() {
                    onThread(attempt, CompanionClient.this::opened);
                }

                @Override
                public void text(String frame) {
                    onThread(attempt, () -> received(frame));
                }

                @Override
                public void closed(int code, String reason) {
                    onThread(attempt, () -> lost(code, reason));
                }
            });
        } catch (RuntimeException e) {
            lost(-1, String.valueOf(e.getMessage()));
        }
    }

    private void opened() {
        lastHeard = clock.instant();
        JsonObject data = new JsonObject();
        data.addProperty("protocol", 1);
        data.addProperty("app", identity.appVersion);
        data.addProperty("android", identity.androidVersion);
        data.addProperty("model", identity.model);
        telephony.status().writeTo(data);
        send(Frames.write("hello", "h-" + UUID.randomUUID(), data));
    }

    private void lost(int code, String reason) {
        connection = null;
        welcomed = false;
        generation++;
        sentOnThisConnection.clear();
        String why = code + (reason == null || reason.isEmpty() ? "" : " " + reason);
        if (code == 4401 || code == 4403) {
            setState(State.REFUSED, why);
        } else if (code == 4409) {
            setState(State.REPLACED, why);
        } else if (!stopped) {
            long delay = backoff.nextDelayMillis();
            setState(State.WAITING, why);
            reconnection = thread.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Closes the current connection and forgets it at once: a dead network may never complete a closing handshake. */
    private void dropConnection(int code, String reason) {
        Transport.Connection current = connection;
        connection = null;
        generation++;
        if (current != null) {
            current.close(code, reason);
        }
    }

    private void tick() {
        if (stopped || connection == null) {
            return;
        }
        Instant now = clock.instant();
        long silence = Math.max(timing.minimumSilenceMillis, heartbeatMillis * timing.silentHeartbeats);
        if (Duration.between(lastHeard, now).toMillis() > silence) {
            dropConnection(4000, "no frame from the server for " + silence / 1000 + " s");
            lost(4000, "no frame from the server for " + silence / 1000 + " s");
            return;
        }
        if (welcomed) {
            long resendAfter = Math.max(timing.minimumSilenceMillis, heartbeatMillis * 2);
            for (Map.Entry<String, String> report : reports.pending()) {
                Instant sentAt = sentOnThisConnection.get(report.getKey());
                if (sentAt == null || Duration.between(sentAt, now).toMillis() > resendAfter) {
                    sendReport(report.getKey(), report.getValue());
                }
            }
        }
    }

    // ---- frames from the server ----------------------------------------------------------------------------------

    private void received(String text) {
        lastHeard = clock.instant();
        Frames.Frame frame;
        try {
            frame = Frames.parse(text);
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (frame.action()) {
            case "welcome":
                welcomed(frame);
                break;
            case "ping":
                if (frame.id() != null) {
                    send(Frames.write("pong", "h-" + UUID.randomUUID(), Frames.ref(frame.id())));
                }
                break;
            case "ack":
                acknowledged(frame.text("ref"));
                break;
            case "error":
                refused(frame.text("ref"), frame.text("code"));
                break;
            case "send_sms":
            case "call":
            case "answer":
            case "reject":
            case "hang_up":
            case "dtmf":
            case "mute":
                command(frame);
                break;
            default:
                // pong, and whatever a newer server may add
                break;
        }
    }

    private void welcomed(Frames.Frame welcome) {
        welcomed = true;
        backoff.reset();
        Integer heartbeatSeconds = welcome.integer("heartbeatSeconds");
        if (heartbeatSeconds != null && heartbeatSeconds > 0) {
            heartbeatMillis = heartbeatSeconds * 1000L;
        }
        String serverTime = welcome.text("serverTime");
        if (serverTime != null) {
            try {
                serverClockOffset = Duration.between(clock.instant(), Instant.parse(serverTime));
            } catch (DateTimeParseException e) {
                serverClockOffset = Duration.ZERO;
            }
        }
        deviceName = welcome.text("device");
        setState(State.CONNECTED, deviceName == null ? "" : deviceName);
        for (Map.Entry<String, String> report : reports.pending()) {
            sendReport(report.getKey(), report.getValue());
        }
    }

    private void acknowledged(String reportId) {
        if (reportId == null) {
            return;
        }
        String frame = reports.frame(reportId);
        sentOnThisConnection.remove(reportId);
        if (frame != null && reports.remove(reportId)) {
            listener.reportAcknowledged(frame);
        }
    }

    private void refused(String reportId, String code) {
        if (reportId == null || !reports.contains(reportId)) {
            return;
        }
        if ("SERVER_ERROR".equals(code)) {
            // the only error after which the same frame may succeed: the resend timer sends it again
            sentOnThisConnection.put(reportId, clock.instant());
        } else {
            // the server described a fault of the frame itself: sending it unchanged would fail forever
            reports.remove(reportId);
            sentOnThisConnection.remove(reportId);
        }
    }

    private void command(Frames.Frame command) {
        String id = command.id();
        if (id == null) {
            return;
        }
        boolean fresh = executed.takeOn(id);
        send(Frames.write("ack", "h-" + UUID.randomUUID(), Frames.ref(id)));
        if (!fresh) {
            return;
        }
        remember(new CommandRecord(id, command.action(), clock.instant()));
        String expiresAt = command.text("expiresAt");
        if (expiresAt != null && serverNow().isAfter(parseInstant(expiresAt))) {
            result(id, false, "EXPIRED");
            return;
        }
        try {
            execute(command);
        } catch (IllegalArgumentException e) {
            result(id, false, "INVALID_COMMAND");
        } catch (RuntimeException e) {
            result(id, false, "PHONE_ERROR");
        }
    }

    private void execute(Frames.Frame command) {
        String id = command.id();
        String call = command.text("call");
        switch (command.action()) {
            case "send_sms":
                telephony.sendSms(id, required(command, "to"), required(command, "text"), command.integer("sim"));
                break;
            case "call":
                telephony.call(id, required(command, "to"), command.integer("sim"));
                break;
            case "answer":
                telephony.answer(id, call);
                break;
            case "reject":
                telephony.reject(id, call);
                break;
            case "hang_up":
                telephony.hangUp(id, call);
                break;
            case "dtmf":
                telephony.dtmf(id, call, required(command, "digits"));
                break;
            case "mute":
                Boolean muted = command.bool("muted");
                if (muted == null) {
                    throw new IllegalArgumentException("muted is required");
                }
                telephony.mute(id, call, muted);
                break;
            default:
                throw new IllegalArgumentException(command.action());
        }
    }

    private static String required(Frames.Frame command, String field) {
        String value = command.text(field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt is not an instant", e);
        }
    }

    private Instant serverNow() {
        return clock.instant().plus(serverClockOffset);
    }

    // ---- reports (any thread) ------------------------------------------------------------------------------------

    @Override
    public void result(String commandId, boolean ok, String reason) {
        JsonObject data = Frames.ref(commandId);
        data.addProperty("ok", ok);
        if (!ok && reason != null) {
            data.addProperty("reason", reason);
        }
        report("result", data);
        synchronized (recent) {
            for (CommandRecord record : recent) {
                if (record.commandId.equals(commandId)) {
                    record.outcome = ok ? "OK" : reason == null ? "FAILED" : reason;
                }
            }
        }
        listener.commandsChanged();
    }

    @Override
    public void smsPart(String commandId, int part, int parts, SmsPartState state, String reason) {
        JsonObject data = Frames.ref(commandId);
        data.addProperty("part", part);
        data.addProperty("parts", parts);
        data.addProperty("state", state.name().toLowerCase(Locale.ROOT));
        if (reason != null) {
            data.addProperty("reason", reason);
        }
        report("sms_status", data);
    }

    @Override
    public void smsReceived(String from, String text, Integer sim, Instant at) {
        JsonObject data = new JsonObject();
        data.addProperty("from", from);
        data.addProperty("text", text);
        if (sim != null) {
            data.addProperty("sim", sim);
        }
        data.addProperty("at", (at == null ? clock.instant() : at).toString());
        report("sms_received", data);
    }

    @Override
    public void callState(
            String call,
            CallState callState,
            CallDirection direction,
            String number,
            String commandId,
            String reason,
            Integer sim) {
        JsonObject data = new JsonObject();
        data.addProperty("call", call);
        data.addProperty("state", callState.name().toLowerCase(Locale.ROOT));
        if (direction != null) {
            data.addProperty("direction", direction.name().toLowerCase(Locale.ROOT));
        }
        if (number != null && !number.isEmpty()) {
            data.addProperty("number", number);
        }
        if (commandId != null) {
            data.addProperty("ref", commandId);
        }
        if (reason != null) {
            data.addProperty("reason", reason);
        }
        if (sim != null) {
            data.addProperty("sim", sim);
        }
        data.addProperty("at", clock.instant().toString());
        report("call_state", data);
    }

    @Override
    public void status(DeviceStatus status) {
        JsonObject data = new JsonObject();
        status.writeTo(data);
        report("status", data);
    }

    /** Stores the report durably on the caller's thread, then sends it if the connection is up. */
    private void report(String action, JsonObject data) {
        String id = "r-" + UUID.randomUUID();
        String frame = Frames.write(action, id, data);
        reports.add(id, frame);
        run(() -> {
            if (welcomed && reports.contains(id)) {
                sendReport(id, frame);
            }
        });
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private void sendReport(String id, String frame) {
        if (send(frame)) {
            sentOnThisConnection.put(id, clock.instant());
        }
    }

    private boolean send(String frame) {
        return connection != null && connection.send(frame);
    }

    private void remember(CommandRecord record) {
        synchronized (recent) {
            recent.addFirst(record);
            while (recent.size() > RECENT_COMMANDS) {
                recent.removeLast();
            }
        }
        listener.commandsChanged();
    }

    private void setState(State newState, String newDetail) {
        state = newState;
        detail = newDetail;
        listener.stateChanged(newState, newDetail);
    }

    private void onThread(int attempt, Runnable action) {
        run(() -> {
            if (attempt == generation) {
                action.run();
            }
        });
    }

    private void run(Runnable action) {
        try {
            thread.execute(action);
        } catch (RejectedExecutionException e) {
            // closed: nothing more to do; reports are already on disk
        }
    }
}
