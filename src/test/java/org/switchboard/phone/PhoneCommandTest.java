package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The states of a stored command, as acknowledgements, outcomes and deadlines move it. */
class PhoneCommandTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private final PhoneCommand answer =
            new PhoneCommand(1, CommandAction.ANSWER, "{}", null, "secretary", T0, T0.plusSeconds(30));

    @Test
    void aCommandExpiresAtItsDeadline() {
        assertFalse(answer.isExpired(T0.plusSeconds(29)));
        assertTrue(answer.isExpired(T0.plusSeconds(30)));
    }

    @Test
    void anSmsHasNoDeadline() {
        PhoneCommand sms = new PhoneCommand(1, CommandAction.SEND_SMS, "{}", "msg-1", "secretary", T0, null);

        assertFalse(sms.isExpired(T0.plusSeconds(86_400 * 30)));
    }

    @Test
    void anAcknowledgementCountsOnceAndOnlyForAWaitingCommand() {
        assertTrue(answer.acknowledge(T0.plusSeconds(1)));
        assertFalse(answer.acknowledge(T0.plusSeconds(2)));
        assertEquals(T0.plusSeconds(1), answer.getAcknowledgedAt());
    }

    @Test
    void anOutcomeWithoutAcknowledgementImpliesIt() {
        assertTrue(answer.complete(true, null, T0.plusSeconds(3)));

        assertEquals(CommandState.SUCCEEDED, answer.getState());
        assertEquals(T0.plusSeconds(3), answer.getAcknowledgedAt());
    }

    @Test
    void theFirstOutcomeStands() {
        answer.complete(false, "BUSY", T0.plusSeconds(3));

        assertFalse(answer.complete(true, null, T0.plusSeconds(4)));
        assertEquals(CommandState.FAILED, answer.getState());
        assertEquals("BUSY", answer.getFailureReason());
    }

    @Test
    void whatThePhoneDidWinsOverADeadlineTheServerRecorded() {
        answer.fail(CommandState.EXPIRED, "not acknowledged in time", T0.plusSeconds(30));

        assertTrue(answer.complete(true, null, T0.plusSeconds(31)));
        assertEquals(CommandState.SUCCEEDED, answer.getState());
        assertEquals(null, answer.getFailureReason());
    }

    @Test
    void aFinishedCommandCannotBeExpiredOrCancelled() {
        answer.complete(true, null, T0.plusSeconds(3));

        assertFalse(answer.fail(CommandState.EXPIRED, "late", T0.plusSeconds(40)));
        assertEquals(CommandState.SUCCEEDED, answer.getState());
    }

    @Test
    void aLongReasonIsCutToWhatIsStored() {
        answer.complete(false, "x".repeat(300), T0);

        assertEquals(PhoneCommand.MAX_REASON, answer.getFailureReason().length());
    }
}
