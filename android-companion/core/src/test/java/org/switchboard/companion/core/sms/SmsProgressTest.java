package org.switchboard.companion.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.companion.core.DeviceStatus;
import org.switchboard.companion.core.Reports;

class SmsProgressTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    private final MapStore store = new MapStore();
    private final RecordingReports reports = new RecordingReports();
    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private SmsProgress progress = new SmsProgress(store, clock);

    @Test
    void aServiceCentreStillTryingKeepsThePartSentUntilItsFinalReportSaysFailed() {
        progress.expect("cmd-1", 1);
        progress.sent("cmd-1", 1, 1, null, reports);
        progress.delivery("cmd-1", 1, 1, DeliveryReport.of3gpp(0x20), reports);
        progress.delivery("cmd-1", 1, 1, DeliveryReport.of3gpp(0x46), reports);

        assertEquals(
                List.of("sms cmd-1 1/1 SENT null", "result cmd-1 true null", "sms cmd-1 1/1 FAILED NOT_DELIVERED_70"),
                reports.lines);
        assertNull(store.load("cmd-1"), "settled: forgotten");
    }

    @Test
    void theMessageIsSentOnceEveryPartIsSentAndEachDeliveredPartIsToldOnce() {
        progress.expect("cmd-2", 3);
        progress.sent("cmd-2", 2, 3, null, reports);
        progress.sent("cmd-2", 1, 3, null, reports);
        assertEquals(SmsParts.State.PENDING, saved("cmd-2").state());
        progress.delivery("cmd-2", 1, 3, DeliveryReport.of3gpp(0x00), reports);
        progress.sent("cmd-2", 3, 3, null, reports);
        progress.delivery("cmd-2", 1, 3, DeliveryReport.of3gpp(0x00), reports);

        assertEquals(
                List.of(
                        "sms cmd-2 2/3 SENT null",
                        "sms cmd-2 1/3 SENT null",
                        "sms cmd-2 1/3 DELIVERED null",
                        "sms cmd-2 3/3 SENT null",
                        "result cmd-2 true null"),
                reports.lines);
        assertEquals(SmsParts.State.SENT, saved("cmd-2").state());
    }

    @Test
    void theMessageIsDeliveredOnceEveryPartIsAndAPendingPartKeepsItFromBeingSo() {
        progress.expect("cmd-3", 2);
        progress.sent("cmd-3", 1, 2, null, reports);
        progress.sent("cmd-3", 2, 2, null, reports);
        progress.delivery("cmd-3", 1, 2, DeliveryReport.of3gpp(0x00), reports);
        progress.delivery("cmd-3", 2, 2, DeliveryReport.of3gpp(0x21), reports);
        assertEquals(SmsParts.State.SENT, saved("cmd-3").state());

        progress.delivery("cmd-3", 2, 2, DeliveryReport.of3gpp(0x02), reports);

        assertEquals("sms cmd-3 2/2 DELIVERED null", reports.lines.get(reports.lines.size() - 1));
        assertNull(store.load("cmd-3"), "every part delivered: settled");
    }

    @Test
    void aFailedPartFailsTheMessageAtOnceWithItsReasonAndLaterPartsAreStillTold() {
        progress.expect("cmd-4", 3);
        progress.sent("cmd-4", 1, 3, null, reports);
        progress.sent("cmd-4", 2, 3, "NO_SERVICE", reports);
        progress.sent("cmd-4", 3, 3, "RADIO_OFF", reports);
        progress.delivery("cmd-4", 1, 3, DeliveryReport.of3gpp(0x00), reports);

        assertEquals(
                List.of(
                        "sms cmd-4 1/3 SENT null",
                        "sms cmd-4 2/3 FAILED NO_SERVICE",
                        "result cmd-4 false NO_SERVICE",
                        "sms cmd-4 3/3 FAILED RADIO_OFF",
                        "sms cmd-4 1/3 DELIVERED null"),
                reports.lines);
    }

    @Test
    void aPartOnlyMovesForward() {
        progress.expect("cmd-5", 3);
        progress.delivery("cmd-5", 1, 3, DeliveryReport.of3gpp(0x00), reports);
        progress.sent("cmd-5", 1, 3, null, reports);
        progress.sent("cmd-5", 2, 3, "NO_SERVICE", reports);
        progress.sent("cmd-5", 2, 3, null, reports);

        assertEquals(
                List.of(
                        "sms cmd-5 1/3 DELIVERED null",
                        "sms cmd-5 2/3 FAILED NO_SERVICE",
                        "result cmd-5 false NO_SERVICE"),
                reports.lines);
    }

    @Test
    void progressSurvivesANewInstanceOverTheSameStore() {
        progress.expect("cmd-6", 2);
        progress.sent("cmd-6", 1, 2, null, reports);

        progress = new SmsProgress(store, clock);
        progress.sent("cmd-6", 2, 2, null, reports);

        assertEquals(
                List.of("sms cmd-6 1/2 SENT null", "sms cmd-6 2/2 SENT null", "result cmd-6 true null"), reports.lines);
    }

    @Test
    void aReportForAForgottenMessageIsStillToldButNeverAsAResult() {
        progress.delivery("cmd-7", 2, 2, DeliveryReport.of3gpp(0x00), reports);
        progress.delivery("cmd-7", 1, 2, DeliveryReport.of3gpp(0x22), reports);
        progress.sent("cmd-8", 1, 1, null, reports);

        assertEquals(List.of("sms cmd-7 2/2 DELIVERED null", "sms cmd-8 1/1 SENT null"), reports.lines);
        assertEquals(List.of(), new ArrayList<>(store.commandIds()));
    }

    @Test
    void messagesWhoseReportsStoppedComingAndUnreadableLinesAreForgottenWhenTheNextIsSent() {
        progress.expect("cmd-old", 1);
        progress.sent("cmd-old", 1, 1, null, reports);
        store.save("cmd-previous-version", "3 1 -");
        clock = Clock.offset(clock, SmsProgress.KEPT_FOR.plus(Duration.ofMinutes(1)));
        progress = new SmsProgress(store, clock);

        progress.expect("cmd-new", 1);

        assertEquals(List.of("cmd-new"), new ArrayList<>(store.commandIds()));
    }

    private SmsParts saved(String commandId) {
        return SmsParts.decode(store.load(commandId));
    }

    private static final class MapStore implements SmsProgress.Store {
        private final Map<String, String> lines = new LinkedHashMap<>();

        @Override
        public String load(String commandId) {
            return lines.get(commandId);
        }

        @Override
        public void save(String commandId, String line) {
            lines.put(commandId, line);
        }

        @Override
        public void remove(String commandId) {
            lines.remove(commandId);
        }

        @Override
        public Collection<String> commandIds() {
            return lines.keySet();
        }
    }

    private static final class RecordingReports implements Reports {
        final List<String> lines = new ArrayList<>();

        @Override
        public void result(String commandId, boolean ok, String reason) {
            lines.add("result " + commandId + " " + ok + " " + reason);
        }

        @Override
        public void smsPart(String commandId, int part, int parts, SmsPartState state, String reason) {
            lines.add("sms " + commandId + " " + part + "/" + parts + " " + state + " " + reason);
        }

        @Override
        public void smsReceived(String from, String text, Integer sim, Instant at) {
            throw new AssertionError("not an SMS report");
        }

        @Override
        public void callState(
                String call,
                CallState state,
                CallDirection direction,
                String number,
                String commandId,
                String reason,
                Integer sim) {
            throw new AssertionError("not an SMS report");
        }

        @Override
        public void status(DeviceStatus status) {
            throw new AssertionError("not an SMS report");
        }
    }
}
