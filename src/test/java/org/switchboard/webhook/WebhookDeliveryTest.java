package org.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.platform.InvalidInputException;

/** Webhook signing, the retry schedule on a clock moved by hand, and URL checks. */
class WebhookDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");
    private static final Duration FIRST = Duration.ofSeconds(30);

    @Test
    void theSignatureIsTheTimeAndTheHexHmacSha256OfTheTimeADotAndTheBody() {
        // Checked with: printf '1795248000.The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac
        // key
        assertEquals(
                "t=1795248000,v1=efe68a9e1392dd37f002e66e41f8e08ecd14b348924b9312e15747c0a4c535b6",
                WebhookSignature.of(
                        "key", T0, "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSignatureCoversTheTimeEveryByteAndTheSecret() {
        byte[] body = "{\"text\":\"مرحبا\"}".getBytes(StandardCharsets.UTF_8);
        byte[] changed = body.clone();
        changed[changed.length - 3] ^= 1;

        String signature = WebhookSignature.of("whsec_one", T0, body);
        assertTrue(signature.matches("t=\\d+,v1=[0-9a-f]{64}"), signature);
        assertFalse(
                hmacOf(signature).equals(hmacOf(WebhookSignature.of("whsec_one", T0.plusSeconds(1), body))),
                "a replay can't be redated");
        assertFalse(signature.equals(WebhookSignature.of("whsec_one", T0, changed)));
        assertFalse(signature.equals(WebhookSignature.of("whsec_two", T0, body)));
    }

    private static String hmacOf(String signature) {
        return signature.substring(signature.indexOf(",v1="));
    }

    @Test
    void failedTriesAreRepeatedAfterDoublingPausesUntilTheLimit() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        WebhookDelivery delivery = new WebhookDelivery("d-1", 1, WebhookEvent.SMS_STATE, "{}", clock.instant());
        assertTrue(delivery.isDue(clock.instant()));
        List<Duration> pauses = new ArrayList<>();

        for (int attempt = 1; attempt < 8; attempt++) {
            delivery.claim(clock.instant().plus(Webhooks.CLAIM));
            assertFalse(delivery.isDue(clock.instant()), "a claimed delivery is not due");
            assertEquals(
                    WebhookDelivery.State.PENDING,
                    delivery.attempted(attempt % 2 == 0 ? 503 : null, "refused", clock.instant(), 8, FIRST));
            Duration pause = Duration.between(clock.instant(), delivery.getNextAttemptAt());
            pauses.add(pause);
            clock = Clock.offset(clock, pause.minusMillis(1));
            assertFalse(delivery.isDue(clock.instant()), "not before its pause is over");
            clock = Clock.offset(clock, Duration.ofMillis(1));
            assertTrue(delivery.isDue(clock.instant()));
        }
        assertEquals(
                List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L),
                pauses.stream().map(Duration::toSeconds).toList());

        assertEquals(WebhookDelivery.State.FAILED, delivery.attempted(500, "HTTP 500", clock.instant(), 8, FIRST));
        assertEquals(8, delivery.getAttempts());
        assertEquals(500, delivery.getLastStatus());
        assertEquals("HTTP 500", delivery.getLastError());
        assertEquals(clock.instant(), delivery.getFinishedAt());
        assertFalse(delivery.isDue(clock.instant().plus(Duration.ofDays(1))), "a failed delivery is never tried again");
    }

    @Test
    void anyTwoHundredStatusDeliversAndTheLastErrorIsCleared() {
        WebhookDelivery delivery = new WebhookDelivery("d-2", 1, WebhookEvent.SMS_RECEIVED, "{}", T0);
        delivery.attempted(null, "x".repeat(2_000), T0, 8, FIRST);
        assertEquals(WebhookDelivery.MAX_ERROR, delivery.getLastError().length(), "a long error is cut to fit");

        assertEquals(WebhookDelivery.State.DELIVERED, delivery.attempted(204, null, T0.plusSeconds(30), 8, FIRST));
        assertNull(delivery.getLastError());
        assertFalse(delivery.isDue(T0.plus(Duration.ofDays(1))));
    }

    @Test
    void pausesStopGrowingAtAnHour() {
        assertEquals(Duration.ofSeconds(30), WebhookDelivery.pauseAfter(1, FIRST));
        assertEquals(Duration.ofHours(1), WebhookDelivery.pauseAfter(9, FIRST));
        assertEquals(Duration.ofHours(1), WebhookDelivery.pauseAfter(1_000, FIRST));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "receiver.example/hook",
                "ftp://receiver.example/hook",
                "javascript:alert(1)",
                "http:///no-host",
                "https://user:pass@receiver.example/hook",
                "https://receiver.example/hook#part",
                "https://receiver example/hook"
            })
    void aUrlThatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> Webhooks.validUrl(url));
        assertEquals("url", refused.field());
        assertEquals("error.sms.webhook.url", refused.messageKey());
    }

    @Test
    void aVeryLongUrlIsRefused() {
        assertThrows(
                InvalidInputException.class,
                () -> Webhooks.validUrl("https://receiver.example/" + "a".repeat(Webhooks.MAX_URL)));
    }

    @Test
    void httpAndHttpsUrlsWithPortsAndQueriesAreTaken() {
        assertEquals(
                "http://127.0.0.1:8080/hook",
                Webhooks.validUrl(" http://127.0.0.1:8080/hook ").toString());
        assertEquals(
                "HTTPS://school.example/switchboard?token=abc",
                Webhooks.validUrl("HTTPS://school.example/switchboard?token=abc")
                        .toString());
    }
}
