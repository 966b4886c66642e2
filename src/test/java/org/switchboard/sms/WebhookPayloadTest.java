package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shape of the SMS events' webhook payloads. */
class WebhookPayloadTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void aStatePayloadHasEveryFieldWithNullForNoReason() {
        JsonObject body = parse(WebhookPayload.stateChanged(
                "d-3", new SmsStateChanged(42, "+21650100001", MessageState.DELIVERED, T0, null)));

        assertEquals("d-3", body.getString("id"));
        assertEquals("sms.state", body.getString("event"));
        assertEquals("2026-11-21T08:00:00Z", body.getString("at"));
        assertEquals(42, body.getJsonNumber("messageId").longValue());
        assertEquals("+21650100001", body.getString("recipient"));
        assertEquals("DELIVERED", body.getString("state"));
        assertTrue(body.isNull("reason"));
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
