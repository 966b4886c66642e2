package org.switchboard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest
    @CsvSource({"fr-FR, FR, ltr", "ar-TN, AR, rtl", "en-GB, EN, ltr", "de-DE, EN, ltr", "ar, AR, rtl"})
    void theBrowserLocalePicksALanguageAndItsDirection(String browser, Language expected, String direction) {
        Language language = Language.bestFor(Locale.forLanguageTag(browser));

        assertEquals(expected, language);
        assertEquals(direction, language.getDirection());
    }
}
