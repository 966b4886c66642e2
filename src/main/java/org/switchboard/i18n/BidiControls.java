package org.switchboard.i18n;

import java.util.regex.Pattern;

/**
 * The explicit direction controls: embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). In a name
 * they serve only to disguise it: "Ali", U+202E, "gnp.exe" shows as "Aliexe.png", and an unclosed one turns the text
 * after it around too. Names are stored without them; the pages isolate every user text ({@code dir="auto"},
 * {@code <bdi>}) so that Arabic and Latin names mix as written.
 */
public final class BidiControls {

    private static final Pattern CONTROLS = Pattern.compile("[\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

    private BidiControls() {}

    /** The text without explicit direction controls; null stays null. */
    public static String strip(String text) {
        return text == null ? null : CONTROLS.matcher(text).replaceAll("");
    }
}
