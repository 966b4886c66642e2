package org.switchboard.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Switchboard-Signature} of a webhook request: {@code t=<unix seconds>,v1=<hex>}, where the hex is the
 * HMAC-SHA256, keyed with the webhook's secret as UTF-8, of the time, a dot and the exact body bytes. Signing the time
 * with the body lets a receiver refuse a captured request replayed later: it checks the HMAC over the bytes it received
 * (before any JSON parsing), compares in constant time, and refuses a {@code t} further than {@link #TOLERANCE} from
 * its own clock. Each try of a delivery is signed afresh; its delivery id stays the same.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Switchboard-Signature";
    /** How far from its clock a receiver should accept {@code t}; documented in docs/webhooks.md. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    public static String of(String secret, Instant at, byte[] body) {
        long seconds = at.getEpochSecond();
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
