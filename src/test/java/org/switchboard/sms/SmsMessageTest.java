package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The message's state rules, routing and pace, retries and the sending window, on a fixed clock. */
class SmsMessageTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final String TWO_PARTS = "a".repeat(200);

    private final SmsMessage message = message(TWO_PARTS, null);

    @Test
    void aMessageMovesOnlyForward() {
        assertTrue(MessageState.QUEUED.canMoveTo(MessageState.DISPATCHED));
        assertTrue(MessageState.SENT.canMoveTo(MessageState.DELIVERED));
        assertFalse(MessageState.DELIVERED.canMoveTo(MessageState.SENT), "a late sent after delivered");
        assertFalse(MessageState.SENT.canMoveTo(MessageState.SENT_TO_PHONE));
        assertFalse(MessageState.FAILED.canMoveTo(MessageState.DELIVERED), "nothing moves a finished message");
        assertFalse(MessageState.SENT.canMoveTo(MessageState.QUEUED), "a part left: never sent again");
        assertTrue(MessageState.SENT_TO_PHONE.canMoveTo(MessageState.QUEUED));
        assertTrue(MessageState.DISPATCHED.canMoveTo(MessageState.CANCELLED));
    }

    @Test
    void partsDecideTheMessagesState() {
        message.dispatch(1, null, "cmd-1", T0);

        assertEquals(Optional.empty(), message.partReported(1, 2, SmsPart.State.SENT, null, T0));
        assertEquals(Optional.of(MessageState.SENT), message.partReported(2, 2, SmsPart.State.SENT, null, T0));
        assertEquals(Optional.empty(), message.partReported(2, 2, SmsPart.State.SENT, null, T0), "a repeat");
        assertEquals(Optional.empty(), message.partReported(1, 2, SmsPart.State.DELIVERED, null, T0));
        assertEquals(
                Optional.of(MessageState.DELIVERED), message.partReported(2, 2, SmsPart.State.DELIVERED, null, T0));
        assertEquals(Optional.empty(), message.partReported(2, 2, SmsPart.State.SENT, null, T0), "a late sent");
        assertEquals(MessageState.DELIVERED, message.getState());
    }

    @Test
    void aFailedPartFailsTheMessage() {
        message.dispatch(1, null, "cmd-1", T0);
        message.partReported(1, 2, SmsPart.State.SENT, null, T0);

        assertEquals(
                Optional.of(MessageState.FAILED), message.partReported(2, 2, SmsPart.State.FAILED, "NO_SERVICE", T0));
        assertEquals("NO_SERVICE", message.getFailureReason());
        assertTrue(message.anyPartLeft());
    }

    @Test
    void requeuingForgetsThePhoneAndCountsTheAttempt() {
        message.dispatch(1, 0, "cmd-1", T0);

        message.requeue(T0.plusSeconds(30), "RADIO_OFF", T0);

        assertEquals(MessageState.QUEUED, message.getState());
        assertEquals(null, message.getDeviceId());
        assertEquals(T0.plusSeconds(30), message.getSendAfter());
        assertEquals(1, message.getAttempts());
    }

    @Test
    void retriesWaitLongerEachTimeUpToHalfAnHour() {
        assertEquals(Duration.ofSeconds(30), SmsOutbox.backoff(1));
        assertEquals(Duration.ofSeconds(60), SmsOutbox.backoff(2));
        assertEquals(Duration.ofSeconds(120), SmsOutbox.backoff(3));
        assertEquals(Duration.ofMinutes(30), SmsOutbox.backoff(9));
    }

    @Test
    void theLeastLoadedPhoneWithRoomInItsPaceIsChosen() {
        Map<Routing.Route, Integer> used = Map.of(new Routing.Route(1, null), 20, new Routing.Route(2, null), 5);

        assertEquals(
                Optional.of(new Routing.Route(2, null)), Routing.choose(message, List.of(1L, 2L), used, device -> 30));
        assertEquals(
                Optional.empty(),
                Routing.choose(
                        message,
                        List.of(1L, 2L),
                        Map.of(new Routing.Route(1, null), 29, new Routing.Route(2, null), 29),
                        device -> 30),
                "no room anywhere: it waits");
        assertEquals(
                Optional.of(new Routing.Route(1, null)),
                Routing.choose(
                        message,
                        List.of(1L, 2L),
                        Map.of(new Routing.Route(1, null), 29, new Routing.Route(2, null), 29),
                        device -> 0),
                "no pace: least loaded, then lowest id");
        assertEquals(
                Optional.of(new Routing.Route(2, null)),
                Routing.choose(
                        message,
                        List.of(1L, 2L),
                        Map.of(new Routing.Route(1, null), 29, new Routing.Route(2, null), 29),
                        device -> device == 2L ? 60 : 30),
                "each phone has its own pace");
    }

    @Test
    void aChosenPhoneIsWaitedFor() {
        SmsMessage toPhoneThree = message("Bonjour", 3L);

        assertEquals(Optional.empty(), Routing.choose(toPhoneThree, List.of(1L, 2L), Map.of(), device -> 30));
        assertEquals(
                Optional.of(new Routing.Route(3, null)),
                Routing.choose(toPhoneThree, List.of(1L, 3L), Map.of(), device -> 30));
    }

    @Test
    void aMessageLongerThanAMinutesPaceGoesAloneOnAQuietSim() {
        assertTrue(Routing.fits(40, 0, 30));
        assertFalse(Routing.fits(40, 1, 30));
    }

    @Test
    void theSendingWindowMayRunPastMidnight() {
        SmsSettings.SendingWindow day = SmsSettings.SendingWindow.parse("07:00-20:00");
        SmsSettings.SendingWindow night = SmsSettings.SendingWindow.parse("22:00 - 06:00");

        assertTrue(day.isOpen(LocalTime.of(7, 0)));
        assertFalse(day.isOpen(LocalTime.of(20, 0)));
        assertFalse(day.isOpen(LocalTime.of(6, 59)));
        assertTrue(night.isOpen(LocalTime.of(23, 30)));
        assertTrue(night.isOpen(LocalTime.of(5, 59)));
        assertFalse(night.isOpen(LocalTime.of(12, 0)));
    }

    private static SmsMessage message(String text, Long preferredDevice) {
        return new SmsMessage(
                null, "+21650000001", text, "secretary", T0, T0, T0.plus(Duration.ofDays(1)), preferredDevice, null);
    }
}
