package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The phone gateway's settings (MicroProfile Config, defaults in microprofile-config.properties). */
@ApplicationScoped
public class PhoneSettings {

    @Inject
    @ConfigProperty(name = "switchboard.phone.heartbeat-seconds")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.phone.offline-after-seconds")
    int offlineAfterSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.phone.offline-alert-minutes")
    int offlineAlertMinutes;

    @Inject
    @ConfigProperty(name = "switchboard.phone.refused-audit-seconds")
    int refusedAuditSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.phone.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "switchboard.phone.certificate-sha256")
    Optional<String> certificateSha256;

    /** How often the server pings each phone. */
    public Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }

    /** Silence after which a connected phone is taken for gone and its connection closed. */
    public Duration offlineAfter() {
        return Duration.ofSeconds(offlineAfterSeconds);
    }

    /** How long a phone may stay offline before the Phones page and the indicator raise the alarm. */
    public Duration offlineAlert() {
        return Duration.ofMinutes(offlineAlertMinutes);
    }

    /** The window in which refused connections of one kind make one audit row, and their count one more. */
    public Duration refusedAuditWindow() {
        return Duration.ofSeconds(refusedAuditSeconds);
    }

    /** The address phones reach the server at, e.g. {@code https://switchboard.school.lan:8181}, if set. */
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(url -> !url.isEmpty());
    }

    /** The SHA-256 of the server certificate phones should pin, if set rather than read from the server. */
    public Optional<String> certificateSha256() {
        return certificateSha256
                .map(hash -> hash.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT))
                .filter(hash -> !hash.isEmpty());
    }
}
