package org.switchboard.companion.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.companion.core.sms.SmsParts.State;

class SmsPartsTest {

    @Test
    void theWholeMessageFollowsItsLeastAdvancedPartUnlessOneFailed() {
        SmsParts message = new SmsParts(2, 0);
        assertEquals(State.PENDING, message.state());
        message.advance(1, State.DELIVERED);
        assertEquals(State.PENDING, message.state(), "part 2 still pending");
        message.advance(2, State.SENT);
        assertEquals(State.SENT, message.state());
        message.advance(2, State.DELIVERED);
        assertEquals(State.DELIVERED, message.state());
        assertTrue(message.isSettled());

        SmsParts failing = new SmsParts(3, 0);
        failing.advance(2, State.FAILED);
        assertEquals(State.FAILED, failing.state(), "failed while other parts are still pending");
        assertFalse(failing.isSettled());
    }

    @Test
    void aFinalPartDoesNotMoveAndNeitherDoesAnUnknownOne() {
        SmsParts message = new SmsParts(1, 0);
        assertTrue(message.advance(1, State.FAILED));
        assertFalse(message.advance(1, State.DELIVERED));
        assertFalse(message.advance(1, State.SENT));
        assertFalse(message.advance(2, State.SENT));
        assertFalse(message.advance(0, State.SENT));
        assertEquals(State.FAILED, message.part(1));
    }

    @Test
    void aMessageReadsBackAsItWasWritten() {
        SmsParts message = new SmsParts(4, 1_790_000_000_000L);
        message.advance(1, State.SENT);
        message.advance(2, State.DELIVERED);
        message.advance(3, State.FAILED);
        message.markResultTold();

        SmsParts read = SmsParts.decode(message.encode());

        assertEquals("1790000000000 1 SDF-", read.encode());
        assertEquals(1_790_000_000_000L, read.startedAtMillis());
        assertTrue(read.resultTold());
        assertEquals(State.PENDING, read.part(4));
    }

    @Test
    void linesOfAnotherFormatAreUnreadable() {
        assertNull(SmsParts.decode(null));
        assertNull(SmsParts.decode(""));
        assertNull(SmsParts.decode("3 1 - extra"));
        assertNull(SmsParts.decode("3 2 -"));
        assertNull(SmsParts.decode("x 0 S"));
        assertNull(SmsParts.decode("1 0 SX"));
    }
}
