package org.switchboard.phone;

import java.time.Instant;

/**
 * The state of one part of an SMS the server asked a phone to send.
 *
 * @param reference the reference given to {@link PhoneGateway#sendSms}, e.g. the message's id
 * @param part 1-based
 * @param reason the phone's reason for a failure (e.g. {@code RADIO_OFF}, {@code NO_SERVICE}); null otherwise
 */
public record SmsPartReported(
        long deviceId,
        String commandId,
        String reference,
        int part,
        int parts,
        PartState state,
        String reason,
        Instant at) {

    public enum PartState {
        SENT,
        DELIVERED,
        FAILED
    }
}
