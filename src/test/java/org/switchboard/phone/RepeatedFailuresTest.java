package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RepeatedFailuresTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private final Logger log = Logger.getLogger(RepeatedFailuresTest.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final RepeatedFailures failures = new RepeatedFailures(log);

    RepeatedFailuresTest() {
        log.setUseParentHandlers(false);
        log.addHandler(recorder);
    }

    @AfterEach
    void removeRecorder() {
        log.removeHandler(recorder);
    }

    @Test
    void theFirstFailureIsLoggedWithItsStackTraceAndItsRepeatsOnceAMinuteWithTheirCount() {
        IllegalStateException databaseDown = new IllegalStateException("value too long", new ArithmeticException());
        for (int second = 0; second < 120; second++) {
            failures.failed("Front desk", databaseDown, T0.plusSeconds(second));
        }

        assertEquals(2, records.size());
        assertNotNull(records.get(0).getThrown());
        assertNull(records.get(1).getThrown());
        assertTrue(
                records.get(1).getMessage().contains("failed 60 more times"),
                records.get(1).getMessage());
    }

    @Test
    void eachPhoneAndCauseIsLoggedOnItsOwn() {
        failures.failed("Front desk", new IllegalStateException(), T0);
        failures.failed("Front desk", new IllegalArgumentException(), T0);
        failures.failed("Library", new IllegalStateException(), T0);
        failures.failed("Library", new IllegalStateException(), T0.plusSeconds(1));

        assertEquals(3, records.size());
    }
}
