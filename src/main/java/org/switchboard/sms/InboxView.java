package org.switchboard.sms;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The inbox: conversations on the left, the one open on the right, a reply box under it. */
@Named
@ViewScoped
public class InboxView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Inbox inbox;

    @Inject
    private SmsService sms;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    private String openNumber;
    private String reply;

    public List<Inbox.Thread> getThreads() {
        return inbox.threads();
    }

    public List<Inbox.Line> getLines() {
        return openNumber == null ? List.of() : inbox.lines(openNumber);
    }

    public void open(Inbox.Thread thread) {
        openNumber = thread.number();
        reply = null;
        inbox.markRead(openNumber);
    }

    /** Something changed while a conversation is open: what it received since is read, as it is on screen. */
    public void refresh() {
        if (openNumber != null) {
            inbox.markRead(openNumber);
        }
    }

    /** A conversation's title: the contact's name, else the number as this user may see it. */
    public String title(Inbox.Thread thread) {
        return thread.contactName() != null ? thread.contactName() : shown(thread.number());
    }

    public String getOpenTitle() {
        Inbox.Thread open = getOpenThread();
        return open != null ? title(open) : openNumber == null ? null : shown(openNumber);
    }

    public Inbox.Thread getOpenThread() {
        return openNumber == null
                ? null
                : getThreads().stream()
                        .filter(thread -> thread.number().equals(openNumber))
                        .findFirst()
                        .orElse(null);
    }

    /** The open conversation is with a phone number that no contact has: it can be filed as a new contact. */
    public boolean isUnknownSender() {
        Inbox.Thread open = getOpenThread();
        return open != null && open.contactName() == null && open.number().startsWith("+");
    }

    /** Replying needs no right to see numbers: the number is the conversation's, not typed by the user. */
    public void send() {
        try {
            sms.send(
                    currentUser.getUsername(),
                    new SmsService.Request(
                            SmsService.Recipients.numbers(List.of(openNumber)), reply, null, null, null, null));
            reply = null;
            Messages.info("sms.queued", 1);
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    private String shown(String number) {
        if (!number.startsWith("+")) {
            return number;
        }
        return currentUser.isCanSeeNumbers() ? phoneNumbers.display(number) : phoneNumbers.mask(number);
    }

    public String getOpenNumber() {
        return openNumber;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }
}
