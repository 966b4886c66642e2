package org.switchboard.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the interface speaks. */
public enum Language {
    EN("en", "English", false),
    FR("fr", "Français", false),
    AR("ar", "العربية", true);

    public static final Language DEFAULT = EN;

    private final String tag;
    private final String nativeName;
    private final boolean rightToLeft;

    Language(String tag, String nativeName, boolean rightToLeft) {
        this.tag = tag;
        this.nativeName = nativeName;
        this.rightToLeft = rightToLeft;
    }

    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equals(tag)).findFirst();
    }

    public static Language bestFor(Locale locale) {
        return ofTag(locale.getLanguage()).orElse(DEFAULT);
    }

    public String getTag() {
        return tag;
    }

    public String getNativeName() {
        return nativeName;
    }

    public String getDirection() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }
}
