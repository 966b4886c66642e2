package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairingCodeTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final PairingCode secure =
            new PairingCode(URI.create("wss://switchboard.school.lan:8181/ws/phone"), "sbp_token", Optional.of(HASH));

    @Test
    void theLinkCarriesServerTokenAndFingerprint() {
        assertEquals(
                "switchboard://pair?server=wss%3A%2F%2Fswitchboard.school.lan%3A8181%2Fws%2Fphone&token=sbp_token"
                        + "&sha256=" + HASH,
                secure.link());
        assertTrue(secure.isEncrypted());
    }

    @Test
    void anEarlierStylePhoneGetsAPlainUrl() {
        assertEquals("wss://switchboard.school.lan:8181/ws/phone?token=sbp_token&protocol=seed", secure.seedUrl());
    }

    @Test
    void theFingerprintIsShownAsBrowsersShowIt() {
        assertEquals(
                Optional.of(
                        "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"),
                secure.displayedFingerprint());
    }

    @Test
    void aPlainWebSocketLinkHasNoFingerprint() {
        PairingCode lab = new PairingCode(URI.create("ws://10.0.0.5:8080/ws/phone"), "sbp_t", Optional.empty());

        assertFalse(lab.isEncrypted());
        assertFalse(lab.link().contains("sha256"));
    }

    @Test
    void theQrCodeIsAnSvgImage() {
        String uri = secure.qrCodeDataUri();
        String svg = new String(
                Base64.getDecoder().decode(uri.substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);

        assertTrue(uri.startsWith("data:image/svg+xml;base64,"));
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"), svg);
    }
}
