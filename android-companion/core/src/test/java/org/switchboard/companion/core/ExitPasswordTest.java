package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExitPasswordTest {

    @Test
    void onlyTheRightPasswordMatchesItsHashWhichDoesNotContainIt() {
        String stored = ExitPassword.hash("secrétariat-2026");

        assertTrue(ExitPassword.matches("secrétariat-2026", stored));
        assertFalse(ExitPassword.matches("secretariat-2026", stored));
        assertFalse(ExitPassword.matches("", stored));
        assertFalse(stored.contains("secr"));
        assertTrue(stored.startsWith("pbkdf2-sha1$120000$"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(ExitPassword.hash("kiosque1"), ExitPassword.hash("kiosque1"));
    }

    @Test
    void aShortPasswordIsRefusedAndADamagedHashMatchesNothing() {
        assertEquals(
                "the exit password needs at least 6 characters",
                assertThrows(IllegalArgumentException.class, () -> ExitPassword.hash("12345"))
                        .getMessage());
        assertFalse(ExitPassword.matches("kiosque1", null));
        assertFalse(ExitPassword.matches("kiosque1", "plain:kiosque1"));
        assertFalse(ExitPassword.matches("kiosque1", "pbkdf2-sha1$x$AAAA$AAAA"));
        assertFalse(ExitPassword.matches("kiosque1", "pbkdf2-sha1$1000$not base64!$AAAA"));
    }
}
