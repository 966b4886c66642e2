package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyUsageTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    private final ApiKey key = new ApiKey("platform", "sb_abcdefgh", "hash", "admin", T0);

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        key.markUsed(T0);
        key.markUsed(T0.plusSeconds(59));
        assertEquals(T0, key.getLastUsedAt());

        key.markUsed(T0.plusSeconds(60));
        assertEquals(T0.plusSeconds(60), key.getLastUsedAt());
    }

    @Test
    void revokingTwiceKeepsTheFirstTime() {
        key.revoke(T0);
        key.revoke(T0.plusSeconds(10));

        assertTrue(key.isRevoked());
        assertEquals(T0, key.getRevokedAt());
    }
}
