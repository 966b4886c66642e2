package org.switchboard.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Text from the message bundle, and the page messages built from it. */
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
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
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
