package org.switchboard.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Switchboard-Signature} of a webhook request: {@code sha256=} and the hex HMAC-SHA256 of the exact body
 * bytes, keyed with the webhook's secret as UTF-8. A receiver computes the same over the bytes it received (before any
 * JSON parsing) and compares in constant time.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Switchboard-Signature";
    static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {}

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }
}
