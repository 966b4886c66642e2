package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.platform.InvalidInputException;

class PasswordRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ten-chars!", "correct horse battery staple", "كلمة-مرور-طويلة"})
    void acceptableWhenLongEnoughAndFreeOfTheUsername(String password) {
        assertDoesNotThrow(() -> Passwords.requireAcceptable(password, "amina"));
    }

    @ParameterizedTest
    @CsvSource({
        "short, error.password.tooShort",
        "nine-char, error.password.tooShort",
        "xx-AMINA-xx-2026, error.password.containsUsername",
    })
    void refusedWithTheReason(String password, String messageKey) {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable(password, "amina"));

        assertEquals(messageKey, e.messageKey());
        assertEquals("password", e.field());
    }

    @ParameterizedTest
    @NullSource
    void aMissingPasswordIsTooShort(String password) {
        assertEquals(
                "error.password.tooShort",
                assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable(password, "amina"))
                        .messageKey());
    }

    @org.junit.jupiter.api.Test
    void anOverlongPasswordIsRefused() {
        assertEquals(
                "error.password.tooLong",
                assertThrows(
                                InvalidInputException.class,
                                () -> Passwords.requireAcceptable("x".repeat(Passwords.MAX_LENGTH + 1), "amina"))
                        .messageKey());
    }
}
