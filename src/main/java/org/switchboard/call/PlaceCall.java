package org.switchboard.call;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/**
 * Places a call from a button elsewhere (a contact card, a call-log row, the missed calls) on a phone the server
 * picks. The number is looked up on the server from what the button names, so a page never needs the raw number of
 * a user who may not see it.
 */
@Named
@RequestScoped
public class PlaceCall {

    @Inject
    private CallService calls;

    @Inject
    private CurrentUser currentUser;

    /** Calls back the other party of a call in the log. */
    public void back(long callId) {
        calls.findById(callId)
                .filter(call -> call.getNumber() != null)
                .ifPresentOrElse(call -> to(call.getNumber()), () -> Messages.error("calls.error.unknown", callId));
    }

    /** Calls a number already on the page's server side (e.g. a contact's), never typed in by the browser. */
    public void to(String e164) {
        try {
            calls.place(currentUser.getUsername(), e164, null, null);
            Messages.info("calls.placing");
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }
}
