package org.switchboard.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock the application reads time from, so that time-dependent rules can be tested. It ticks in
 * microseconds, the precision H2 and PostgreSQL store, so that an instant read back equals the one written.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock systemClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
