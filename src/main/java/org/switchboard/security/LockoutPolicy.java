package org.switchboard.security;

import java.time.Duration;

/** After {@code maxFailures} wrong passwords in a row, an account is locked for {@code lockout}. */
public record LockoutPolicy(int maxFailures, Duration lockout) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("lockout must be positive");
        }
    }
}
