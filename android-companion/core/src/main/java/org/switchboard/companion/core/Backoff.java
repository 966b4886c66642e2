package org.switchboard.companion.core;

import java.util.Random;

/**
 * Reconnection delays: doubling from {@code initialMillis} up to {@code maxMillis}, each drawn at random from the
 * upper half of its step ("equal jitter"), so that many phones cut off together do not all come back at the same
 * instant, and none waits less than half the step.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    public Backoff(long initialMillis, long maxMillis, Random random) {
        if (initialMillis < 1 || maxMillis < initialMillis) {
            throw new IllegalArgumentException("need 1 <= initial <= max, got " + initialMillis + ", " + maxMillis);
        }
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.random = random;
    }

    /** The delay before the next attempt, in milliseconds; each call counts one more failure. */
    public long nextDelayMillis() {
        long step = stepMillis(failures);
        if (failures < 62) {
            failures++;
        }
        long half = step / 2;
        return step - half + (long) (random.nextDouble() * (half + 1));
    }

    /** The upper bound of the delay after {@code failures} failures in a row. */
    public long stepMillis(int failures) {
        int doublings = Math.min(failures, 62);
        long step = initialMillis;
        for (int i = 0; i < doublings && step < maxMillis; i++) {
            step *= 2;
        }
        return Math.min(step, maxMillis);
    }

    /** A connection worked: start again from the initial delay. */
    public void reset() {
        failures = 0;
    }
}
