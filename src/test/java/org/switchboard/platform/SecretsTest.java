package org.switchboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void theHashIsSha256InHex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Secrets.sha256("abc"));
    }

    @Test
    void aSecretIsThePrefixAnd256RandomBitsUrlSafe() {
        String first = Secrets.generate("sbp_");
        String second = Secrets.generate("sbp_");

        assertTrue(first.matches("sbp_[A-Za-z0-9_-]{43}"), first);
        assertNotEquals(first, second);
    }
}
