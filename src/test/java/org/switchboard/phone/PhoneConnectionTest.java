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

    @Test
    void aPhoneIsSilentFromThePingItLeftUnanswered() {
        connection.pinging(T0.plusSeconds(1));
        connection.pinging(T0.plusSeconds(2));
        assertFalse(connection.silentSince(T0.plusSeconds(1)));
        assertTrue(connection.silentSince(T0.plusSeconds(2)));
    }

    @Test
    void anAnsweredPingLeavesThePhoneHeard() {
        connection.pinging(T0.plusSeconds(1));
        connection.heard(T0.plusSeconds(2));
        assertFalse(connection.silentSince(T0.plusSeconds(100)));
        connection.pinging(T0.plusSeconds(101));
        assertTrue(connection.silentSince(T0.plusSeconds(102)));
    }

    @Test
    void aPhoneTheServerDidNotPingForLongIsNotSilent() {
        connection.heard(T0.plusSeconds(1));
        assertFalse(connection.silentSince(T0.plusSeconds(100)));
    }
}
