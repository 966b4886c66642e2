package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairingLinkTest {

    private static final String TOKEN = "sbp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void readsTheLinkThePhonesPageShows() {
        PairingLink link = PairingLink.parse(" switchboard://pair?server=wss%3A%2F%2Fswitchboard.school.lan%3A8181%2Fws"
                + "%2Fphone&token=" + TOKEN + "&sha256=" + HASH + "\n");

        assertEquals("wss://switchboard.school.lan:8181/ws/phone", link.server().toString());
        assertEquals(TOKEN, link.token());
        assertEquals(HASH, link.certificateSha256());
        assertTrue(link.isEncrypted());
    }

    @Test
    void aLabLinkHasNoFingerprint() {
        PairingLink link =
                PairingLink.parse("switchboard://pair?server=ws%3A%2F%2F10.0.0.5%3A8080%2Fws%2Fphone&token=" + TOKEN);
        assertNull(link.certificateSha256());
        assertEquals("ws://10.0.0.5:8080/ws/phone", link.server().toString());
    }

    @Test
    void theFingerprintMayBeTypedAsBrowsersShowIt() {
        String shown = String.join(":", HASH.toUpperCase().split("(?<=\\G..)"));
        assertEquals(HASH, PairingLink.normalisedFingerprint(shown));
    }

    @Test
    void eachFaultIsNamed() {
        assertEquals("the pairing link is empty", message(""));
        assertEquals("a pairing link starts with switchboard://pair?", message("https://example.org/?token=x"));
        assertEquals("the pairing link has no server", message("switchboard://pair?token=" + TOKEN));
        assertEquals(
                "the server must be a ws:// or wss:// address",
                message("switchboard://pair?server=http%3A%2F%2Fx%2Fws&token=" + TOKEN));
        assertEquals(
                "the token must look like sbp_ followed by letters and digits",
                message("switchboard://pair?server=ws%3A%2F%2Fx%2Fws&token=secret"));
        assertEquals(
                "the certificate fingerprint must be 64 hexadecimal digits",
                message("switchboard://pair?server=wss%3A%2F%2Fx%2Fws&token=" + TOKEN + "&sha256=abc"));
    }

    private static String message(String link) {
        return assertThrows(IllegalArgumentException.class, () -> PairingLink.parse(link))
                .getMessage();
    }
}
