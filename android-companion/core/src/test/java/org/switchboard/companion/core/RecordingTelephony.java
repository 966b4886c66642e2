package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The radio side in these tests: records what it was asked to do; the test plays the network's answers. */
final class RecordingTelephony implements Telephony {

    private final List<String> calls = new ArrayList<>();
    volatile Reports reports;

    @Override
    public void start(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void sendSms(String commandId, String to, String text, Integer sim) {
        record("sendSms " + commandId + " " + to + " " + text + " sim=" + sim);
    }

    @Override
    public void call(String commandId, String to, Integer sim) {
        record("call " + commandId + " " + to);
    }

    @Override
    public void answer(String commandId, String call) {
        record("answer " + commandId + " " + call);
        reports.result(commandId, true, null);
    }

    @Override
    public void reject(String commandId, String call) {
        record("reject " + commandId + " " + call);
        reports.result(commandId, true, null);
    }

    @Override
    public void hangUp(String commandId, String call) {
        record("hangUp " + commandId + " " + call);
        reports.result(commandId, true, null);
    }

    @Override
    public void dtmf(String commandId, String call, String digits) {
        record("dtmf " + commandId + " " + digits);
        reports.result(commandId, true, null);
    }

    @Override
    public void mute(String commandId, String call, boolean muted) {
        record("mute " + commandId + " " + muted);
        reports.result(commandId, true, null);
    }

    @Override
    public DeviceStatus status() {
        return new DeviceStatus(81, true, 3, List.of(new DeviceStatus.Sim(0, "Ooredoo", null)));
    }

    synchronized List<String> calls() {
        return new ArrayList<>(calls);
    }

    private synchronized void record(String call) {
        calls.add(call);
        notifyAll();
    }

    /** Waits for a call starting with this text, or fails after the deadline. */
    synchronized void await(String prefix) throws InterruptedException {
        Instant deadline = Instant.now().plus(LocalServer.DEADLINE);
        while (calls.stream().noneMatch(call -> call.startsWith(prefix))) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                fail("no telephony call " + prefix + " in " + calls);
            }
            wait(left);
        }
    }
}
