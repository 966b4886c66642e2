package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachDelayLiesInTheUpperHalfOfAStepThatDoublesUpToTheMaximum() {
        for (long seed = 0; seed < 200; seed++) {
            Backoff backoff = new Backoff(1_000, 60_000, new Random(seed));
            long[] steps = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000};
            for (long step : steps) {
                long delay = backoff.nextDelayMillis();
                assertTrue(delay >= step / 2 && delay <= step, "delay " + delay + " for step " + step);
            }
        }
    }

    @Test
    void theExtremesOfTheRandomSourceGiveTheBoundsExactly() {
        Backoff low = new Backoff(1_000, 8_000, fixed(0.0));
        Backoff high = new Backoff(1_000, 8_000, fixed(Math.nextDown(1.0)));
        long[] expectedLow = {500, 1_000, 2_000, 4_000, 4_000};
        long[] expectedHigh = {1_000, 2_000, 4_000, 8_000, 8_000};
        for (int i = 0; i < expectedLow.length; i++) {
            assertEquals(expectedLow[i], low.nextDelayMillis());
            assertEquals(expectedHigh[i], high.nextDelayMillis());
        }
    }

    @Test
    void jitterSpreadsPhonesThatFailedTogether() {
        Set<Long> delays = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Backoff backoff = new Backoff(1_000, 60_000, new Random(seed));
            backoff.nextDelayMillis();
            backoff.nextDelayMillis();
            delays.add(backoff.nextDelayMillis());
        }
        assertTrue(delays.size() > 40, "50 phones, " + delays.size() + " distinct delays");
    }

    @Test
    void aWorkingConnectionStartsTheDelaysAgainAndManyFailuresNeverOverflow() {
        Backoff backoff = new Backoff(1_000, 60_000, fixed(Math.nextDown(1.0)));
        for (int i = 0; i < 10_000; i++) {
            assertTrue(backoff.nextDelayMillis() <= 60_000);
        }
        backoff.reset();
        assertEquals(1_000, backoff.nextDelayMillis());
    }

    @Test
    void nonsensicalBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 10, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 5, new Random()));
    }

    private static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
