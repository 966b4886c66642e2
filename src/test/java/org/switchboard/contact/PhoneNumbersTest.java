package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.platform.InvalidInputException;

/** Numbers as people and phones write them, with the school's default region Tunisia. */
class PhoneNumbersTest {

    private final PhoneNumbers numbers = new PhoneNumbers("TN");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "56646971            | +21656646971",
                "+21656646971        | +21656646971",
                "0021656646971       | +21656646971",
                "56 646 971          | +21656646971",
                "56-646-971          | +21656646971",
                "+216 56 646 971     | +21656646971",
                "(+216) 56.646.971   | +21656646971",
                "71 123 456          | +21671123456",
                "+33 6 12 34 56 78   | +33612345678",
                "0033612345678       | +33612345678",
                "+213 551 23 45 67   | +213551234567",
                "00213 551234567     | +213551234567",
            })
    void validNumbersBecomeE164(String raw, String e164) {
        assertEquals(e164, numbers.normalise(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "5664697", "566469712", "+216 1234", "abc", "56646971x", "+999 1234 5678"})
    void invalidNumbersAreRefusedNamingTheNumber(String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> numbers.normalise(raw));

        assertEquals("error.phone.invalid", e.messageKey());
        assertEquals("number", e.field());
        assertEquals(raw, e.arguments()[0]);
    }

    @Test
    void aShortServiceCodeIsNotAPersonalNumber() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> numbers.normalise("197"));

        assertEquals("error.phone.shortCode", e.messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyIsInvalid(String raw) {
        assertThrows(InvalidInputException.class, () -> numbers.normalise(raw));
        assertThrows(InvalidInputException.class, () -> numbers.normalise(null));
    }

    @Test
    void overlongInputIsRefusedBeforeParsing() {
        assertThrows(InvalidInputException.class, () -> numbers.normalise("5".repeat(PhoneNumbers.MAX_RAW_LENGTH + 1)));
    }

    @Test
    void tryNormaliseGivesNothingForAWithheldCaller() {
        assertTrue(numbers.tryNormalise("Unknown").isEmpty());
        assertEquals("+21656646971", numbers.tryNormalise("56646971").orElseThrow());
    }

    @Test
    void maskingKeepsTheCountryCodeAndTheLastThreeDigits() {
        assertEquals("+216 •• ••• 971", numbers.mask("+21656646971"));
        assertEquals("+33 • •• •• •6 78", numbers.mask("+33612345678"));
    }

    @Test
    void displayIsInternationalFormat() {
        assertEquals("+216 56 646 971", numbers.display("+21656646971"));
    }

    @Test
    void anUnknownDefaultRegionIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
    }
}
