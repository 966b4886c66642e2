package org.switchboard.companion.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void theSameLineWrittenAnotherWayMatches() {
        String sent = "+21620123456";
        for (String written : new String[] {
            "+216 20 123 456",
            "20123456",
            "20 123 456",
            "0021620123456",
            "(+216) 20-123-456",
            "tel:+21620123456",
            "TEL:%2B216%2020123456",
            "+21620123456,1234#",
            "tel:+21620123456;phone-context=+216"
        }) {
            assertTrue(PhoneNumbers.sameLine(sent, written), written);
            assertTrue(PhoneNumbers.sameLine(written, sent), written + " (the other way round)");
        }
    }

    @Test
    void aNationalTrunkPrefixMatchesTheInternationalForm() {
        assertTrue(PhoneNumbers.sameLine("+33612345678", "06 12 34 56 78"));
        assertTrue(PhoneNumbers.sameLine("0033612345678", "+33 6 12 34 56 78"));
    }

    @Test
    void otherLinesDoNotMatch() {
        assertFalse(PhoneNumbers.sameLine("+21620123456", "+21620123457"));
        assertFalse(PhoneNumbers.sameLine("+21620123456", "+33120123456"), "another country's line");
        assertFalse(PhoneNumbers.sameLine("+21620123456", "123456"), "too short to be the same line's tail");
        assertFalse(PhoneNumbers.sameLine("+21620123456", null));
        assertFalse(PhoneNumbers.sameLine("", ""));
    }

    @Test
    void serviceCodesMatchOnlyWhole() {
        assertTrue(PhoneNumbers.sameLine("*123#", "tel:*123%23"));
        assertFalse(PhoneNumbers.sameLine("*123#", "123"));
        assertFalse(PhoneNumbers.sameLine("#31#20123456", "+21620123456"));
    }

    @Test
    void significantDigitsLoseThePrefixesAndSeparators() {
        assertEquals("21620123456", PhoneNumbers.significant("+216 20 123 456"));
        assertEquals("21620123456", PhoneNumbers.significant("00216-20-123-456"));
        assertEquals("20123456", PhoneNumbers.significant("tel:20123456,,99"));
        assertEquals("*123#", PhoneNumbers.significant("tel:*123%23"));
        assertEquals("", PhoneNumbers.significant("tel:"));
    }
}
