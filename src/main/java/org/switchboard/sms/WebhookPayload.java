package org.switchboard.sms;

import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.switchboard.platform.JsonBuilders;
import org.switchboard.webhook.WebhookEvent;

/**
 * The JSON bodies webhooks receive. The records document them (OpenAPI); {@link #json} writes them, always with every
 * field, null where there is nothing to say, so that receivers can rely on the shape.
 */
public final class WebhookPayload {

    private WebhookPayload() {}

    @Schema(name = "SmsStateWebhook", description = "Sent as event sms.state when a message takes a new state")
    public record StateChanged(
            @Schema(description = "The delivery's id, the same on every retry: drop a repeat you already handled")
                    String id,
            @Schema(description = "Always sms.state") String event,
            @Schema(description = "When the message took the state") Instant at,
            @Schema(description = "The message's id, as in GET /api/v1/messages/{id}") long messageId,
            @Schema(description = "The recipient's number, E.164") String recipient,
            @Schema(description = "SENT_TO_PHONE, SENT, DELIVERED, FAILED, EXPIRED or CANCELLED") String state,
            @Schema(description = "Why it failed or expired, as the phone or the server said; else null")
                    String reason) {

        String json() {
            JsonObjectBuilder body = JsonBuilders.object()
                    .add("id", id)
                    .add("event", event)
                    .add("at", at.toString())
                    .add("messageId", messageId)
                    .add("recipient", recipient)
                    .add("state", state);
            return (reason == null ? body.addNull("reason") : body.add("reason", reason))
                    .build()
                    .toString();
        }
    }

    @Schema(name = "SmsReceivedWebhook", description = "Sent as event sms.received when a phone receives an SMS")
    public record Received(
            @Schema(description = "The delivery's id, the same on every retry: drop a repeat you already handled")
                    String id,
            @Schema(description = "Always sms.received") String event,
            @Schema(description = "When the phone received it") Instant at,
            @Schema(description = "The stored incoming SMS's id") long incomingId,
            @Schema(description = "The sender: E.164 when it is a number, else as the network named it") String from,
            @Schema(description = "The text, whole (the phone joins the parts)") String text,
            @Schema(description = "The id of the phone that received it") long phone,
            @Schema(description = "The SIM slot it arrived on (0-based), if the phone said") Integer sim) {

        String json() {
            JsonObjectBuilder body = JsonBuilders.object()
                    .add("id", id)
                    .add("event", event)
                    .add("at", at.toString())
                    .add("incomingId", incomingId)
                    .add("from", from)
                    .add("text", text)
                    .add("phone", phone);
            return (sim == null ? body.addNull("sim") : body.add("sim", sim))
                    .build()
                    .toString();
        }
    }

    static String stateChanged(String deliveryId, SmsStateChanged change) {
        return new StateChanged(
                        deliveryId,
                        WebhookEvent.SMS_STATE.wireName(),
                        change.at(),
                        change.messageId(),
                        change.recipient(),
                        change.state().name(),
                        change.detail())
                .json();
    }

    static String received(String deliveryId, IncomingSms sms) {
        return new Received(
                        deliveryId,
                        WebhookEvent.SMS_RECEIVED.wireName(),
                        sms.getReceivedAt(),
                        sms.getId(),
                        sms.getNumber(),
                        sms.getText(),
                        sms.getDeviceId(),
                        sms.getSimSlot())
                .json();
    }
}
