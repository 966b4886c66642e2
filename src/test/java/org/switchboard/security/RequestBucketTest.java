package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestBucketTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aFullBucketLetsABurstThroughThenSaysHowLongToWait() {
        RequestBucket bucket = new RequestBucket(3, 60, T0);

        for (int i = 0; i < 3; i++) {
            assertTrue(bucket.take(T0).isEmpty(), "request " + i + " is within the burst");
        }

        assertEquals(Optional.of(Duration.ofSeconds(1)), bucket.take(T0));
    }

    @Test
    void theBucketRefillsAtItsRateButNeverBeyondItsCapacity() {
        RequestBucket bucket = new RequestBucket(2, 60, T0);
        bucket.take(T0);
        bucket.take(T0);

        assertEquals(Optional.of(Duration.ofMillis(500)), bucket.take(T0.plusMillis(500)));
        assertTrue(bucket.take(T0.plusSeconds(1)).isEmpty(), "one request came back after a second");

        Instant muchLater = T0.plus(Duration.ofDays(400));
        assertTrue(bucket.take(muchLater).isEmpty());
        assertTrue(bucket.take(muchLater).isEmpty());
        assertTrue(bucket.take(muchLater).isPresent(), "a long pause fills the bucket only up to its capacity");
    }

    @Test
    void aSlowRateMakesALongWait() {
        RequestBucket bucket = new RequestBucket(1, 1, T0);
        bucket.take(T0);

        assertEquals(Optional.of(Duration.ofSeconds(45)), bucket.take(T0.plusSeconds(15)));
    }
}
