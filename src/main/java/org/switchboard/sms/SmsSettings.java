package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMS settings (MicroProfile Config, defaults in microprofile-config.properties). */
@ApplicationScoped
public class SmsSettings {

    @Inject
    @ConfigProperty(name = "switchboard.sms.parts-per-minute")
    int partsPerMinute;

    @Inject
    @ConfigProperty(name = "switchboard.sms.window")
    Optional<String> window;

    @Inject
    @ConfigProperty(name = "switchboard.sms.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.sms.take-back-after-seconds")
    int takeBackAfterSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.sms.time-to-live-hours")
    int timeToLiveHours;

    /** How many parts a phone sends from one SIM a minute; 0 for no limit. */
    public int partsPerMinute() {
        return partsPerMinute;
    }

    /** The hours in which SMS go out, in the school's time zone; empty for any time. */
    public Optional<SendingWindow> window() {
        return window.map(String::strip).filter(text -> !text.isEmpty()).map(SendingWindow::parse);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** How long a phone may be away before the messages it has not acknowledged go to another phone. */
    public Duration takeBackAfter() {
        return Duration.ofSeconds(takeBackAfterSeconds);
    }

    public Duration timeToLive() {
        return Duration.ofHours(timeToLiveHours);
    }

    /** From {@code HH:mm-HH:mm}; a window may run past midnight (22:00-06:00). */
    public record SendingWindow(LocalTime opens, LocalTime closes) {

        static SendingWindow parse(String text) {
            String[] bounds = text.split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("switchboard.sms.window is HH:mm-HH:mm, not " + text);
            }
            return new SendingWindow(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip()));
        }

        public boolean isOpen(LocalTime time) {
            return opens.isBefore(closes)
                    ? !time.isBefore(opens) && time.isBefore(closes)
                    : !time.isBefore(opens) || time.isBefore(closes);
        }
    }
}
