package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The phones as the Phones page and the indicator show them: stored details joined with the live connections. */
@ApplicationScoped
public class PhoneOverview {

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneRegistry registry;

    @Inject
    private PhoneSettings settings;

    @Inject
    private Clock clock;

    /** Connected phones out of the phones not revoked, and how many of them have been offline too long. */
    public record Counts(int connected, int total, int alerting) {}

    /** One phone's line on the Phones page (a class with getters, which pages' expressions can read). */
    public static final class Row {

        private final Device device;
        private final Instant connectedSince;
        private final boolean secure;
        private final Long offlineMinutes;
        private final boolean alert;

        Row(Device device, Instant connectedSince, boolean secure, Long offlineMinutes, boolean alert) {
            this.device = device;
            this.connectedSince = connectedSince;
            this.secure = secure;
            this.offlineMinutes = offlineMinutes;
            this.alert = alert;
        }

        public Device getDevice() {
            return device;
        }

        public boolean isConnected() {
            return connectedSince != null;
        }

        /** Null when offline. */
        public Instant getConnectedSince() {
            return connectedSince;
        }

        /** Whether its connection is encrypted (wss); true when offline, as there is nothing to warn about. */
        public boolean isSecure() {
            return secure;
        }

        /** How long it has been offline; null if connected or never connected. */
        public Long getOfflineMinutes() {
            return offlineMinutes;
        }

        /** Offline longer than the configured alert time, having been connected before. */
        public boolean isAlert() {
            return alert;
        }
    }

    public List<Row> rows() {
        Instant now = clock.instant();
        Duration alertAfter = settings.offlineAlert();
        return devices.list().stream()
                .map(device -> registry.live(device.getId())
                        .map(live -> new Row(device, live.since(), live.secure(), null, false))
                        .orElseGet(() -> offline(device, now, alertAfter)))
                .toList();
    }

    /** The counts alone, without loading every phone's details: the indicator shows them on every page. */
    public Counts counts() {
        Instant now = clock.instant();
        Duration alertAfter = settings.offlineAlert();
        Map<Long, Instant> lastSeen = devices.lastSeenOfActive();
        int connected = 0;
        int alerting = 0;
        for (Map.Entry<Long, Instant> device : lastSeen.entrySet()) {
            if (registry.isConnected(device.getKey())) {
                connected++;
            } else if (device.getValue() != null
                    && Duration.between(device.getValue(), now).compareTo(alertAfter) > 0) {
                alerting++;
            }
        }
        return new Counts(connected, lastSeen.size(), alerting);
    }

    static Counts count(List<Row> rows) {
        List<Row> active =
                rows.stream().filter(row -> !row.getDevice().isRevoked()).toList();
        return new Counts((int) active.stream().filter(Row::isConnected).count(), active.size(), (int)
                active.stream().filter(Row::isAlert).count());
    }

    static Row offline(Device device, Instant now, Duration alertAfter) {
        Instant lastSeen = device.getLastSeenAt();
        if (lastSeen == null || device.isRevoked()) {
            return new Row(device, null, true, null, false);
        }
        Duration offline = Duration.between(lastSeen, now);
        return new Row(device, null, true, offline.toMinutes(), offline.compareTo(alertAfter) > 0);
    }
}
