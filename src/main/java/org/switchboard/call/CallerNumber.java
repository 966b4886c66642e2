package org.switchboard.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.switchboard.contact.NumberOrigin;

/** A new contact from a call's caller: the call log and the live panels open the contact form with {@code ?call=}. */
@ApplicationScoped
public class CallerNumber implements NumberOrigin {

    @Inject
    private CallService calls;

    @Override
    public String parameter() {
        return "call";
    }

    @Override
    public Optional<String> numberOf(long callId) {
        return calls.findById(callId).map(Call::getNumber);
    }

    @Override
    public String noNumberKey() {
        return "contacts.new.noCallerNumber";
    }
}
