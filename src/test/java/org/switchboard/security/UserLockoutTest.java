package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserLockoutTest {

    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15));
    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    private final User user = new User("clerk", "Clerk", Role.STAFF, "hash", false, T0);

    @Test
    void theFifthFailureInARowLocksForTheConfiguredTime() {
        for (int i = 1; i < 5; i++) {
            assertFalse(user.recordFailedLogin(T0.plusSeconds(i), POLICY), "failure " + i);
        }

        assertTrue(user.recordFailedLogin(T0.plusSeconds(5), POLICY));

        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(15)), user.getLockedUntil());
        assertTrue(user.isLockedAt(T0.plus(Duration.ofMinutes(15))));
        assertFalse(user.isLockedAt(T0.plusSeconds(5).plus(Duration.ofMinutes(15))));
    }

    @Test
    void failuresDuringALockDoNotExtendIt() {
        lock();
        Instant lockedUntil = user.getLockedUntil();

        assertFalse(user.recordFailedLogin(T0.plus(Duration.ofMinutes(10)), POLICY));

        assertEquals(lockedUntil, user.getLockedUntil());
    }

    @Test
    void afterTheLockExpiresTheCountStartsAgain() {
        lock();

        assertFalse(user.recordFailedLogin(T0.plus(Duration.ofHours(1)), POLICY));

        assertEquals(1, user.getFailedLogins());
        assertNull(user.getLockedUntil());
    }

    @Test
    void aSuccessfulLoginClearsFailuresAndRecordsTheTime() {
        user.recordFailedLogin(T0, POLICY);
        user.recordFailedLogin(T0, POLICY);

        user.recordSuccessfulLogin(T0.plusSeconds(30));

        assertEquals(0, user.getFailedLogins());
        assertEquals(T0.plusSeconds(30), user.getLastLoginAt());
    }

    @Test
    void aNewPasswordUnlocks() {
        lock();

        user.changePassword("new-hash", true);

        assertFalse(user.isLockedAt(T0));
        assertTrue(user.isMustChangePassword());
    }

    @Test
    void aPolicyNeedsAtLeastOneFailureAndAPositiveDuration() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(3, Duration.ZERO));
    }

    private void lock() {
        for (int i = 0; i < 5; i++) {
            user.recordFailedLogin(T0, POLICY);
        }
        assertTrue(user.isLockedAt(T0));
    }
}
