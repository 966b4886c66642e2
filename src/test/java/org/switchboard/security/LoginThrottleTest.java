package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            clock,
            new LoginThrottle.Limit(3, FIRST, LONGEST),
            new LoginThrottle.Limit(5, FIRST, LONGEST),
            Duration.ofHours(1));

    @Test
    void theTriesUpToTheLimitGoOnAndTheLastOfThemHoldsTheNextBack() {
        for (int i = 1; i < 3; i++) {
            LoginThrottle.Admission admission = throttle.admit("clerk", "10.0.0." + i);
            assertTrue(admission.admitted(), "try " + i);
            assertNull(admission.holdsUsernameUntil(), "try " + i);
        }

        LoginThrottle.Admission third = throttle.admit("clerk", "10.0.0.3");

        assertTrue(third.admitted());
        assertEquals(T0.plus(FIRST), third.holdsUsernameUntil());
        LoginThrottle.Admission fourth = throttle.admit("clerk", "10.0.0.4");
        assertFalse(fourth.admitted());
        assertEquals(T0.plus(FIRST), fourth.heldUntil());
        assertEquals(Optional.of(T0.plus(FIRST)), throttle.heldUntil("clerk", "10.0.0.9"));
    }

    @Test
    void eachTryAfterAWaitWaitsTwiceAsLongUpToTheLongest() {
        holdBack("clerk");

        assertEquals(FIRST.multipliedBy(2), waitAfterNextTry("clerk"));
        assertEquals(FIRST.multipliedBy(4), waitAfterNextTry("clerk"));
        assertEquals(FIRST.multipliedBy(8), waitAfterNextTry("clerk"));
        assertEquals(LONGEST, waitAfterNextTry("clerk"));
        assertEquals(LONGEST, waitAfterNextTry("clerk"));
    }

    @Test
    void triesRefusedDuringAWaitDoNotMakeItLonger() {
        holdBack("clerk");
        Instant until = throttle.heldUntil("clerk", "10.9.9.9").orElseThrow();

        for (int i = 0; i < 100; i++) {
            assertFalse(throttle.admit("clerk", "10.1.0." + i).admitted());
        }

        assertEquals(Optional.of(until), throttle.heldUntil("clerk", "10.9.9.9"));
        clock.advance(FIRST);
        assertTrue(throttle.admit("clerk", "10.9.9.9").admitted());
    }

    @Test
    void aRightPasswordStartsTheUsernameAfresh() {
        throttle.admit("clerk", "10.0.0.1");
        throttle.admit("clerk", "10.0.0.1");
        throttle.succeeded("clerk", "10.0.0.1");

        assertNull(throttle.admit("clerk", "10.0.0.1").holdsUsernameUntil());
        assertNull(throttle.admit("clerk", "10.0.0.1").holdsUsernameUntil());
    }

    @Test
    void anAdminReleaseLetsTheNextTryInAtOnce() {
        holdBack("clerk");
        assertTrue(throttle.isHeld("clerk"));

        throttle.release("clerk");

        assertFalse(throttle.isHeld("clerk"));
        assertTrue(throttle.admit("clerk", "10.0.0.1").admitted());
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBackWhileOthersGoOn() {
        for (int i = 1; i < 5; i++) {
            assertTrue(throttle.admit("name-" + i, "10.6.6.6").admitted());
        }
        LoginThrottle.Admission fifth = throttle.admit("name-5", "10.6.6.6");
        assertEquals(T0.plus(FIRST), fifth.holdsAddressUntil());

        assertFalse(throttle.admit("name-6", "10.6.6.6").admitted());
        assertTrue(throttle.admit("name-6", "10.7.7.7").admitted());
        assertTrue(throttle.admit("name-1", "10.7.7.7").admitted());
    }

    @Test
    void aRightPasswordTakesBackOnlyItsOwnTryFromTheAddress() {
        for (int i = 1; i <= 4; i++) {
            throttle.admit("name-" + i, "10.6.6.6");
        }
        throttle.admit("clerk", "10.6.6.6");
        throttle.succeeded("clerk", "10.6.6.6");

        assertTrue(throttle.admit("name-5", "10.6.6.6").admitted());
        assertFalse(throttle.admit("name-6", "10.6.6.6").admitted());
    }

    @Test
    void countsAreForgottenAfterAQuietHourFromTheEndOfTheWait() {
        holdBack("clerk");

        clock.advance(FIRST.plus(Duration.ofMinutes(59)));
        assertNotNull(throttle.admit("clerk", "10.0.0.1").holdsUsernameUntil(), "not yet forgotten");
        clock.advance(FIRST.multipliedBy(2).plus(Duration.ofHours(1)));

        assertNull(throttle.admit("clerk", "10.0.0.1").holdsUsernameUntil());
    }

    @Test
    void aLimitNeedsAtLeastOneTryAndPositiveWaits() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Limit(0, FIRST, LONGEST));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Limit(3, Duration.ZERO, LONGEST));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle.Limit(3, LONGEST, FIRST));
    }

    private void holdBack(String username) {
        for (int i = 1; i <= 3; i++) {
            assertTrue(throttle.admit(username, "10.0.0." + i).admitted());
        }
        assertTrue(throttle.isHeld(username));
    }

    /** Waits out the current hold, tries once more, and returns the wait that try started. */
    private Duration waitAfterNextTry(String username) {
        Instant until = throttle.heldUntil(username, "10.8.8.8").orElseThrow();
        clock.set(until);
        LoginThrottle.Admission admission = throttle.admit(username, "10.8.8.8");
        assertTrue(admission.admitted());
        return Duration.between(until, admission.holdsUsernameUntil());
    }

    private static final class MovableClock extends Clock {

        private Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
