package org.switchboard.i18n;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Shows instants in the school's time zone ({@code switchboard.time-zone}), formatted for the page's language. */
@FacesConverter(forClass = Instant.class)
public class InstantDisplay implements Converter<Instant> {

    @Override
    public String getAsString(FacesContext context, UIComponent component, Instant instant) {
        return format(instant, context.getViewRoot().getLocale());
    }

    /** The same text, for an instant that goes into a message rather than a component of its own. */
    public static String format(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(SchoolTime.zone())
                .format(instant);
    }

    @Override
    public Instant getAsObject(FacesContext context, UIComponent component, String text) {
        throw new UnsupportedOperationException("Instants are displayed, never entered as text");
    }
}
