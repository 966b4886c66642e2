package org.switchboard.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket: it holds up to {@code capacity} requests and gains {@code perMinute} a minute, so a client may send a
 * burst of {@code capacity} and then {@code perMinute} a minute for as long as it likes.
 */
final class RequestBucket {

    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final int capacity;
    private final int perMinute;
    /** Tokens, in units of 1/{@code perMinute} of a minute's nanoseconds, so that refills add up without rounding. */
    private long stock;

    private Instant updated;

    RequestBucket(int capacity, int perMinute, Instant now) {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a bucket holds and gains at least one request");
        }
        this.capacity = capacity;
        this.perMinute = perMinute;
        this.stock = (long) capacity * NANOS_PER_MINUTE;
        this.updated = now;
    }

    /** Takes one request from the bucket; empty if it had one, otherwise how long until it has. */
    synchronized Optional<Duration> take(Instant now) {
        long full = (long) capacity * NANOS_PER_MINUTE;
        if (now.isAfter(updated)) {
            Duration elapsed = Duration.between(updated, now);
            // Past the time that fills an empty bucket the product could overflow, and the bucket is full anyway.
            long gained =
                    elapsed.compareTo(Duration.ofNanos(full / perMinute)) >= 0 ? full : elapsed.toNanos() * perMinute;
            stock = Math.min(full, stock + gained);
            updated = now;
        }
        if (stock >= NANOS_PER_MINUTE) {
            stock -= NANOS_PER_MINUTE;
            return Optional.empty();
        }
        long missing = NANOS_PER_MINUTE - stock;
        return Optional.of(Duration.ofNanos((missing + perMinute - 1) / perMinute));
    }
}
