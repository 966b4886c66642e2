package org.switchboard.companion.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OutgoingCallCommandsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final OutgoingCallCommands commands = new OutgoingCallCommands(clock);

    @Test
    void aCallTelecomWritesAnotherWayStillFindsItsCommand() {
        commands.expect("+21620123456", "cmd-1");

        assertEquals("cmd-1", commands.take("20 123 456"));
        assertNull(commands.take("20 123 456"), "a command names one call");
    }

    @Test
    void twoCommandsToTheSameLineGoToTheCallsInTheirOrder() {
        commands.expect("+21620123456", "cmd-1");
        commands.expect("+21650000000", "cmd-2");
        commands.expect("20123456", "cmd-3");

        assertEquals("cmd-1", commands.take("tel:%2B21620123456"));
        assertEquals("cmd-3", commands.take("+216 20 123 456"));
        assertEquals("cmd-2", commands.take("50 000 000"));
    }

    @Test
    void aCallToAnotherLineTakesNoCommand() {
        commands.expect("+21620123456", "cmd-1");

        assertNull(commands.take("+21620123457"));
        assertNull(commands.take(null), "a hidden number");
        assertEquals("cmd-1", commands.take("+21620123456"));
    }

    @Test
    void aCommandWhoseCallNeverCameOrWasRefusedClaimsNoLaterCall() {
        commands.expect("+21620123456", "cmd-stale");
        clock.advance(OutgoingCallCommands.WAIT_FOR_CALL.plusSeconds(1));
        commands.expect("+21650000000", "cmd-refused");
        commands.forget("cmd-refused");

        assertNull(commands.take("+21620123456"));
        assertNull(commands.take("+21650000000"));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
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
