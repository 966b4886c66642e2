package org.switchboard.sms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The unread count next to the inbox in the menu, read once a request. */
@Named
@RequestScoped
public class InboxCount {

    @Inject
    private Inbox inbox;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = inbox.unread();
        }
        return unread;
    }
}
