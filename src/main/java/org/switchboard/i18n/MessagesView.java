package org.switchboard.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Formatted text for the pages, as {@link Messages#text(String, Object...)} gives it to the code:
 * {@code #{messages.text('sms.recipients', composeView.recipientCount)}}. Faces' {@code h:outputFormat} formats with
 * java.text, which knows no plural forms. EL picks the method by the number of arguments, hence one per count.
 */
@Named("messages")
@ApplicationScoped
public class MessagesView {

    public String text(String key, Object first) {
        return Messages.text(key, first);
    }

    public String text(String key, Object first, Object second) {
        return Messages.text(key, first, second);
    }

    public String text(String key, Object first, Object second, Object third) {
        return Messages.text(key, first, second, third);
    }

    public String text(String key, Object first, Object second, Object third, Object fourth) {
        return Messages.text(key, first, second, third, fourth);
    }

    public String text(String key, Object first, Object second, Object third, Object fourth, Object fifth) {
        return Messages.text(key, first, second, third, fourth, fifth);
    }

    public String text(
            String key, Object first, Object second, Object third, Object fourth, Object fifth, Object sixth) {
        return Messages.text(key, first, second, third, fourth, fifth, sixth);
    }
}
