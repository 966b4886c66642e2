package org.switchboard.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text from the message bundle, and the page messages built from it. A text with arguments is an ICU MessageFormat
 * pattern, so that a count takes each language's plural forms ({@code {0, plural, one {# part} other {# parts}}}).
 */
public final class Messages {

    public static final String BUNDLE = "org.switchboard.i18n.messages";

    private Messages() {}

    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
        if (arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, formatting(locale)).format(shownAsWritten(arguments));
    }

    /**
     * Arabic pages write numbers in Arabic-Indic digits, as java.text did for the language; ICU's data writes Latin
     * digits for a plain "ar", which would mix both kinds in one page.
     */
    private static ULocale formatting(Locale locale) {
        ULocale formatting = ULocale.forLocale(locale);
        if ("ar".equals(formatting.getLanguage()) && formatting.getKeywordValue("numbers") == null) {
            return formatting.setKeywordValue("numbers", "arab");
        }
        return formatting;
    }

    /**
     * ICU formats java.time values by itself (and refuses an Instant); the texts were written for their plain
     * {@code toString()}, which java.text gave them, or for a value the caller formatted already.
     */
    private static Object[] shownAsWritten(Object[] arguments) {
        return Arrays.stream(arguments)
                .map(argument -> argument instanceof TemporalAccessor ? argument.toString() : argument)
                .toArray();
    }

    public static String text(String key, Object... arguments) {
        return text(currentLocale(), key, arguments);
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, null, key, arguments);
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, null, key, arguments);
    }

    public static void error(Translatable problem) {
        add(FacesMessage.SEVERITY_ERROR, null, problem.messageKey(), problem.arguments());
    }

    private static void add(FacesMessage.Severity severity, String clientId, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String summary = text(key, arguments);
        context.addMessage(clientId, new FacesMessage(severity, summary, null));
        context.getExternalContext().getFlash().setKeepMessages(true);
    }

    private static Locale currentLocale() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context != null && context.getViewRoot() != null) {
            return context.getViewRoot().getLocale();
        }
        return Language.DEFAULT.locale();
    }
}
