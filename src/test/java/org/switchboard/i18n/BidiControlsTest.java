package org.switchboard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BidiControlsTest {

    @Test
    void everyEmbeddingOverrideAndIsolateIsRemoved() {
        String controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

        assertEquals("Alignp.exe", BidiControls.strip("Ali\u202Egnp.exe"));
        assertEquals("ab", BidiControls.strip("a" + controls + "b"));
    }

    @Test
    void lettersOfEitherDirectionAndTheImplicitMarksStay() {
        String text = "سامي Ben Ali \u200F(3B)\u200E";

        assertEquals(text, BidiControls.strip(text));
        assertNull(BidiControls.strip(null));
    }
}
