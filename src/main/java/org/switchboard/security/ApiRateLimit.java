package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many REST requests each API key may make: a burst of {@code switchboard.api.burst}, then
 * {@code switchboard.api.requests-per-minute}. Buckets live in this server's memory, one per key that has called since
 * the start, so they are as many as the live keys at most.
 */
@ApplicationScoped
public class ApiRateLimit {

    @Inject
    @ConfigProperty(name = "switchboard.api.burst")
    int burst;

    @Inject
    @ConfigProperty(name = "switchboard.api.requests-per-minute")
    int requestsPerMinute;

    @Inject
    private Clock clock;

    private final Map<Long, RequestBucket> buckets = new ConcurrentHashMap<>();

    /** Counts one request of the key; empty if it may go on, otherwise how long the key must wait. */
    public Optional<Duration> take(ApiKey key) {
        return buckets.computeIfAbsent(key.getId(), id -> new RequestBucket(burst, requestsPerMinute, clock.instant()))
                .take(clock.instant());
    }
}
