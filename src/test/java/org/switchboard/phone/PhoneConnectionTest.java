package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PhoneConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private final PhoneConnection connection = new PhoneConnection(null, 1, "Front desk", null, T0, Runnable::run);

    @Test
    void aPhoneIsCutOffAfterTooManyBadFramesWithinAMinute() {
        for (int i = 0; i < PhoneConnection.MAX_ERRORS; i++) {
            assertFalse(connection.tooManyErrors(T0.plusSeconds(i)));
        }
        assertTrue(connection.tooManyErrors(T0.plusSeconds(30)));
    }

    @Test
    void badFramesSpreadOverTimeAreForgiven() {
        for (int i = 0; i < 3 * PhoneConnection.MAX_ERRORS; i++) {
            assertFalse(connection.tooManyErrors(T0.plusSeconds(10L * i)));
        }
    }

    @Test
    void aCommandIsSentOnlyOnceOnAConnection() {
        assertTrue(connection.markDelivered("cmd-1"));
        assertFalse(connection.markDelivered("cmd-1"));
    }

    @Test
    void theLastSeenTimeIsStoredAtMostOnceAMinute() {
        assertFalse(connection.heard(T0.plusSeconds(59)));
        assertTrue(connection.heard(T0.plusSeconds(60)));
        assertFalse(connection.heard(T0.plusSeconds(61)));
    }
}
