package org.switchboard.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook settings (MicroProfile Config, defaults in microprofile-config.properties). Their names still say
 * {@code sms}, as webhooks began as part of the SMS feature: configurations written since keep working.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "switchboard.sms.webhook-max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.sms.webhook-first-retry")
    String firstRetry;

    @Inject
    @ConfigProperty(name = "switchboard.sms.webhook-keep-days")
    int keepDays;

    /** Tries of a delivery before it is marked failed. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The pause after a delivery's first failed try; it doubles after each further one. */
    public Duration firstRetry() {
        return Duration.parse(firstRetry.strip());
    }

    /** How long the page keeps a delivery that ended (delivered or failed). */
    public Duration keep() {
        return Duration.ofDays(keepDays);
    }
}
