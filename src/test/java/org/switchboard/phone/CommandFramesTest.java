package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Commands in the seed's shapes (protocol-seed.md) and in version 1 (docs/protocol.md). */
class CommandFramesTest {

    @Test
    void sendSmsInTheSeedsShapeCarriesTheNumberInAnArray() {
        OutgoingCommand sms = command(CommandAction.SEND_SMS, "{\"to\":\"2666655\",\"text\":\"Bonjour\",\"sim\":1}");

        assertEquals(
                Optional.of("{\"action\":\"Send\",\"data\":{\"message\":\"Bonjour\",\"numbers\":[\"2666655\"]}}"),
                CommandFrames.seed(sms));
    }

    @Test
    void callInTheSeedsShapeIsABareString() {
        assertEquals(
                Optional.of("{\"action\":\"Call\",\"data\":\"+21612345678\"}"),
                CommandFrames.seed(command(CommandAction.CALL, "{\"to\":\"+21612345678\"}")));
    }

    @Test
    void answerAndRejectInTheSeedsShapeHaveEmptyData() {
        assertEquals(
                Optional.of("{\"action\":\"Answer\",\"data\":{}}"),
                CommandFrames.seed(command(CommandAction.ANSWER, "{\"call\":\"c-1\"}")));
        assertEquals(
                Optional.of("{\"action\":\"Reject\",\"data\":{}}"),
                CommandFrames.seed(command(CommandAction.REJECT, "{}")));
    }

    @Test
    void aSeedPhoneCannotHangUpOrSendTones() {
        assertEquals(Optional.empty(), CommandFrames.seed(command(CommandAction.HANG_UP, "{}")));
        assertEquals(Optional.empty(), CommandFrames.seed(command(CommandAction.DTMF, "{\"digits\":\"1\"}")));
    }

    @Test
    void version1CarriesTheCommandIdAndThePayload() {
        assertEquals(
                "{\"action\":\"hang_up\",\"id\":\"cmd-1\",\"data\":{\"call\":\"c-9\"}}",
                CommandFrames.v1(command(CommandAction.HANG_UP, "{\"call\":\"c-9\"}")));
    }

    @Test
    void aCommandWithADeadlineTellsThePhone() {
        OutgoingCommand answer = new OutgoingCommand(
                1, "cmd-2", CommandAction.ANSWER, "{\"call\":\"c-1\"}", Instant.parse("2026-11-21T08:00:30Z"));

        assertEquals(
                "{\"action\":\"answer\",\"id\":\"cmd-2\",\"data\":{\"call\":\"c-1\",\"expiresAt\":\"2026-11-21T08:00:30Z\"}}",
                CommandFrames.v1(answer));
    }

    private static OutgoingCommand command(CommandAction action, String payload) {
        return new OutgoingCommand(1, "cmd-1", action, payload, null);
    }
}
