package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an offline phone raises the alarm, and how the indicator counts. */
class PhoneOverviewTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Duration ALERT_AFTER = Duration.ofMinutes(10);

    @Test
    void aPhoneOfflineLongerThanTheAlertTimeRaisesTheAlarm() {
        PhoneOverview.Row row = PhoneOverview.offline(seenAt(NOW.minus(Duration.ofMinutes(11))), NOW, ALERT_AFTER);

        assertTrue(row.isAlert());
        assertEquals(11L, row.getOfflineMinutes());
    }

    @Test
    void aPhoneJustGoneDoesNot() {
        PhoneOverview.Row row = PhoneOverview.offline(seenAt(NOW.minus(Duration.ofMinutes(9))), NOW, ALERT_AFTER);

        assertFalse(row.isAlert());
        assertEquals(9L, row.getOfflineMinutes());
    }

    @Test
    void aPhoneNeverConnectedIsNotMissed() {
        PhoneOverview.Row row = PhoneOverview.offline(device(), NOW, ALERT_AFTER);

        assertFalse(row.isAlert());
        assertNull(row.getOfflineMinutes());
    }

    @Test
    void aRevokedPhoneIsNeitherCountedNorMissed() {
        Device revoked = seenAt(NOW.minus(Duration.ofHours(5)));
        revoked.revoke(NOW.minus(Duration.ofHours(4)));
        Device missing = seenAt(NOW.minus(Duration.ofHours(1)));

        PhoneOverview.Counts counts = PhoneOverview.count(List.of(
                PhoneOverview.offline(revoked, NOW, ALERT_AFTER),
                PhoneOverview.offline(missing, NOW, ALERT_AFTER),
                new PhoneOverview.Row(device(), NOW, true, null, false)));

        assertEquals(new PhoneOverview.Counts(1, 2, 1), counts);
    }

    private static Device seenAt(Instant lastSeen) {
        Device device = device();
        device.connected(lastSeen.minus(Duration.ofMinutes(1)));
        device.seen(lastSeen);
        return device;
    }

    private static Device device() {
        return new Device("Front desk", "hash", "admin", NOW.minus(Duration.ofDays(1)));
    }
}
