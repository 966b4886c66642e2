package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.switchboard.contact.NumberOrigin;

/**
 * A new contact from an SMS's sender: the inbox opens the contact form with {@code ?sms=} and one of the
 * conversation's messages.
 */
@ApplicationScoped
public class SenderNumber implements NumberOrigin {

    @Inject
    private Inbox inbox;

    @Override
    public String parameter() {
        return "sms";
    }

    @Override
    public Optional<String> numberOf(long messageId) {
        return inbox.numberOf(messageId);
    }

    @Override
    public String noNumberKey() {
        return "contacts.new.noSenderNumber";
    }
}
