package org.switchboard.companion.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.companion.core.DeviceStatus;
import org.switchboard.companion.core.Reports;
import org.switchboard.companion.core.Reports.CallDirection;
import org.switchboard.companion.core.Reports.CallState;
import org.switchboard.companion.core.Reports.SmsPartState;
import org.switchboard.companion.core.Telephony;

/**
 * A phone's radio, simulated: an SMS is sent part by part after {@code sentDelayMillis} and delivered
 * {@code deliveredDelayMillis} later, unless a part fails (at {@code failureRate}); calls ring, are answered and end
 * as the server and the operator at the console say. Like a real radio, it goes on with the SMS it accepted when the
 * app is killed: its journal on disk lets a restarted simulator finish them.
 */
final class SimulatedTelephony implements Telephony {

    /** What happens to an accepted SMS, decided when it is accepted and replayed from the journal after a restart. */
    private static final class Plan {
        final String commandId;
        final int parts;
        /** 0 when every part goes through. */
        final int failingPart;

        final long acceptedAtMillis;

        Plan(String commandId, int parts, int failingPart, long acceptedAtMillis) {
            this.commandId = commandId;
            this.parts = parts;
            this.failingPart = failingPart;
            this.acceptedAtMillis = acceptedAtMillis;
        }
    }

    private static final class Call {
        final String id;
        final CallDirection direction;
        final String number;
        final String commandId;
        CallState state;

        Call(String id, CallDirection direction, String number, String commandId, CallState state) {
            this.id = id;
            this.direction = direction;
            this.number = number;
            this.commandId = commandId;
            this.state = state;
        }
    }

    private final String name;
    private final Path journal;
    private final long sentDelayMillis;
    private final long deliveredDelayMillis;
    private final double failureRate;
    private final Random random;
    private final Clock clock;
    private final PrintStream console;
    private final ScheduledExecutorService radio;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final AtomicInteger callNumbers = new AtomicInteger();
    private volatile Reports reports;
    private volatile int batteryLevel = 100;
    private volatile int signal = 4;

    SimulatedTelephony(
            String name,
            Path stateDirectory,
            long sentDelayMillis,
            long deliveredDelayMillis,
            double failureRate,
            Random random,
            Clock clock,
            PrintStream console) {
        this.name = name;
        this.journal = stateDirectory.resolve("radio.log");
        this.sentDelayMillis = sentDelayMillis;
        this.deliveredDelayMillis = deliveredDelayMillis;
        this.failureRate = failureRate;
        this.random = random;
        this.clock = clock;
        this.console = console;
        this.radio = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-radio");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(Reports reports) {
        this.reports = reports;
        radio.execute(this::resumeJournal);
    }

    // ---- SMS ------------------------------------------------------------------------------------------------------

    @Override
    public void sendSms(String commandId, String to, String text, Integer sim) {
        int parts = Segments.count(text);
        int failingPart = random.nextDouble() < failureRate ? 1 + random.nextInt(parts) : 0;
        Plan plan = new Plan(commandId, parts, failingPart, clock.millis());
        radio.execute(() -> {
            write("accept " + commandId + " " + parts + " " + failingPart + " " + plan.acceptedAtMillis);
            say("sending " + commandId + " to " + to + " in " + parts + " part(s)");
            schedule(plan, Set.of());
        });
    }

    /** The events of a plan, in order: each part sent (or failed) then delivered, and the result after the sends. */
    private List<Runnable> events(Plan plan, List<Long> offsets) {
        List<Runnable> events = new ArrayList<>();
        for (int part = 1; part <= plan.parts; part++) {
            int number = part;
            if (number == plan.failingPart) {
                offsets.add(sentDelayMillis);
                events.add(() -> {
                    reports.smsPart(plan.commandId, number, plan.parts, SmsPartState.FAILED, "RADIO_OFF");
                    say("sms " + plan.commandId + " part " + number + "/" + plan.parts + " failed");
                });
            } else {
                offsets.add(sentDelayMillis);
                events.add(() -> {
                    reports.smsPart(plan.commandId, number, plan.parts, SmsPartState.SENT, null);
                    say("sms " + plan.commandId + " part " + number + "/" + plan.parts + " sent");
                });
            }
        }
        offsets.add(sentDelayMillis);
        events.add(() -> {
            reports.result(plan.commandId, plan.failingPart == 0, plan.failingPart == 0 ? null : "RADIO_OFF");
            say("sms " + plan.commandId + " result " + (plan.failingPart == 0 ? "ok" : "RADIO_OFF"));
        });
        for (int part = 1; part <= plan.parts; part++) {
            int number = part;
            if (number != plan.failingPart) {
                offsets.add(sentDelayMillis + deliveredDelayMillis);
                events.add(() -> {
                    reports.smsPart(plan.commandId, number, plan.parts, SmsPartState.DELIVERED, null);
                    say("sms " + plan.commandId + " part " + number + "/" + plan.parts + " delivered");
                });
            }
        }
        return events;
    }

    private void schedule(Plan plan, Set<Integer> done) {
        List<Long> offsets = new ArrayList<>();
        List<Runnable> events = events(plan, offsets);
        for (int i = 0; i < events.size(); i++) {
            if (done.contains(i)) {
                continue;
            }
            int index = i;
            Runnable event = events.get(i);
            long delay = Math.max(0, plan.acceptedAtMillis + offsets.get(i) - clock.millis());
            radio.schedule(
                    () -> {
                        event.run();
                        write("did " + plan.commandId + " " + index);
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** After a restart: carries on with the SMS accepted before, skipping what was already reported. */
    private void resumeJournal() {
        if (!Files.exists(journal)) {
            return;
        }
        Map<String, Plan> plans = new LinkedHashMap<>();
        Map<String, Set<Integer>> done = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                String[] words = line.split(" ");
                if (words[0].equals("accept") && words.length == 5) {
                    plans.put(
                            words[1],
                            new Plan(
                                    words[1],
                                    Integer.parseInt(words[2]),
                                    Integer.parseInt(words[3]),
                                    Long.parseLong(words[4])));
                } else if (words[0].equals("did") && words.length == 3) {
                    done.computeIfAbsent(words[1], id -> new HashSet<>()).add(Integer.parseInt(words[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Plan plan : plans.values()) {
            Set<Integer> finished = done.getOrDefault(plan.commandId, Set.of());
            int total = events(plan, new ArrayList<>()).size();
            if (finished.size() < total) {
                say("resuming " + plan.commandId + " after a restart");
                schedule(plan, finished);
            }
        }
    }

    // ---- calls ----------------------------------------------------------------------------------------------------

    /** An incoming call from the console. */
    void ring(String number) {
        radio.execute(() -> {
            Call call = new Call(
                    "c-" + callNumbers.incrementAndGet() + "-" + Long.toString(clock.millis(), 36),
                    CallDirection.INCOMING,
                    number,
                    null,
                    CallState.RINGING);
            calls.put(call.id, call);
            report(call, null);
        });
    }

    /** The other party hangs up (the console's {@code end}). */
    void remoteHangUp(String callId) {
        radio.execute(() -> {
            Call call = find(callId);
            if (call == null) {
                say("no call to end");
                return;
            }
            end(call, call.state == CallState.RINGING ? "MISSED" : "REMOTE_HANGUP");
        });
    }

    @Override
    public void call(String commandId, String to, Integer sim) {
        radio.execute(() -> {
            Call call = new Call(
                    "c-" + callNumbers.incrementAndGet() + "-" + Long.toString(clock.millis(), 36),
                    CallDirection.OUTGOING,
                    to,
                    commandId,
                    CallState.DIALING);
            calls.put(call.id, call);
            report(call, null);
            reports.result(commandId, true, null);
            radio.schedule(
                    () -> {
                        if (call.state == CallState.DIALING) {
                            call.state = CallState.ACTIVE;
                            report(call, null);
                        }
                    },
                    sentDelayMillis,
                    TimeUnit.MILLISECONDS);
        });
    }

    @Override
    public void answer(String commandId, String callId) {
        control(commandId, callId, CallState.RINGING, call -> {
            call.state = CallState.ACTIVE;
            report(call, null);
        });
    }

    @Override
    public void reject(String commandId, String callId) {
        control(commandId, callId, CallState.RINGING, call -> end(call, "REJECTED"));
    }

    @Override
    public void hangUp(String commandId, String callId) {
        control(commandId, callId, null, call -> end(call, "HUNG_UP"));
    }

    @Override
    public void dtmf(String commandId, String callId, String digits) {
        control(commandId, callId, CallState.ACTIVE, call -> say("call " + call.id + " tones " + digits));
    }

    @Override
    public void mute(String commandId, String callId, boolean muted) {
        control(commandId, callId, CallState.ACTIVE, call -> say("call " + call.id + (muted ? " muted" : " unmuted")));
    }

    private interface CallAction {
        void on(Call call);
    }

    /** Acts on the named call, or the one in progress; fails with NO_CALL when there is none in the right state. */
    private void control(String commandId, String callId, CallState required, CallAction action) {
        radio.execute(() -> {
            Call call = find(callId);
            if (call == null || (required != null && call.state != required)) {
                reports.result(commandId, false, "NO_CALL");
                say("command " + commandId + " found no call");
                return;
            }
            action.on(call);
            reports.result(commandId, true, null);
        });
    }

    private Call find(String callId) {
        if (callId != null) {
            return calls.get(callId);
        }
        Call latest = null;
        for (Call call : calls.values()) {
            latest = call;
        }
        return latest;
    }

    private void end(Call call, String reason) {
        call.state = CallState.ENDED;
        report(call, reason);
        calls.remove(call.id);
    }

    private void report(Call call, String reason) {
        reports.callState(call.id, call.state, call.direction, call.number, call.commandId, reason, 0);
        say("call " + call.id + " " + call.state.name().toLowerCase(Locale.ROOT) + " "
                + call.direction.name().toLowerCase(Locale.ROOT) + " " + call.number
                + (reason == null ? "" : " " + reason));
    }

    // ---- the rest -------------------------------------------------------------------------------------------------

    /** An SMS arrives from the console. */
    void receiveSms(String from, String text) {
        radio.execute(() -> {
            reports.smsReceived(from, text, 0, clock.instant());
            say("received sms from " + from);
        });
    }

    void battery(int level) {
        batteryLevel = level;
        reports.status(status());
    }

    @Override
    public DeviceStatus status() {
        return new DeviceStatus(batteryLevel, true, signal, List.of(new DeviceStatus.Sim(0, "Simulated", null)));
    }

    void close() {
        radio.shutdownNow();
    }

    private void write(String line) {
        try {
            Files.createDirectories(journal.getParent());
            Files.writeString(
                    journal,
                    line + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void say(String line) {
        console.println(name + " " + line);
    }
}
