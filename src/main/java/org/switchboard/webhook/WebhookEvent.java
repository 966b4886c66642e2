package org.switchboard.webhook;

import java.util.Locale;

/** What a webhook can be told of, by the name receivers see in the payload and the X-Switchboard-Event header. */
public enum WebhookEvent {
    /** An SMS arrived at one of the school's phones. */
    SMS_RECEIVED,
    /** A message took a state the sender cares about: sent to phone, sent, delivered, failed, expired, cancelled. */
    SMS_STATE;

    /** sms.received, sms.state. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
