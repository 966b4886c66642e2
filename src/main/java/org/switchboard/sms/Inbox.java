package org.switchboard.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.contact.CallerLookup;

/**
 * Conversations: every number that wrote to a school phone, with what it wrote and what was sent to it, newest
 * conversation first.
 */
@ApplicationScoped
@Transactional
public class Inbox {

    static final int THREADS_SHOWN = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private Event<SmsPush.MessagesChanged> changed;

    @Inject
    private Event<SmsPush.InboxRead> inboxRead;

    /**
     * One conversation in the list.
     *
     * @param contactName who has this number in the directory, if anyone (the first by name when several share it)
     * @param lastId the newest message's id, by which a page names the conversation without showing its number
     */
    public record Thread(String number, String contactName, Instant lastAt, long unread, long lastId) {}

    /** One line of a conversation: received, typed on the phone, or sent from Switchboard (with its state). */
    public record Line(Instant at, boolean incoming, String text, MessageState state) {}

    public List<Thread> threads() {
        List<Object[]> rows = em.createQuery(
                        "select i.number, max(i.receivedAt), sum(case when i.readAt is null and i.direction = :received"
                                + " then 1 else 0 end), max(i.id) from IncomingSms i group by i.number"
                                + " order by max(i.receivedAt) desc",
                        Object[].class)
                .setParameter("received", IncomingSms.Direction.RECEIVED)
                .setMaxResults(THREADS_SHOWN)
                .getResultList();
        Map<String, String> names =
                callerLookup.names(rows.stream().map(row -> (String) row[0]).toList());
        return rows.stream()
                .map(row -> new Thread(
                        (String) row[0],
                        names.get((String) row[0]),
                        (Instant) row[1],
                        ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue()))
                .toList();
    }

    public long unread() {
        return em.createQuery(
                        "select count(i) from IncomingSms i where i.readAt is null and i.direction = :received",
                        Long.class)
                .setParameter("received", IncomingSms.Direction.RECEIVED)
                .getSingleResult();
    }

    /** The number of the conversation an incoming or phone-typed message belongs to. */
    public Optional<String> numberOf(long messageId) {
        return Optional.ofNullable(em.find(IncomingSms.class, messageId)).map(IncomingSms::getNumber);
    }

    /** Marks what the conversation with a number received as read: someone has it open. */
    public void markRead(String number) {
        int marked = em.createQuery(
                        "update IncomingSms i set i.readAt = :now where i.number = :number and i.readAt is null")
                .setParameter("now", clock.instant())
                .setParameter("number", number)
                .executeUpdate();
        if (marked > 0) {
            changed.fire(new SmsPush.MessagesChanged());
            inboxRead.fire(new SmsPush.InboxRead());
        }
    }

    /** The conversation with a number, oldest first: what it received and what was sent to it. */
    public List<Line> lines(String number) {
        List<Line> lines = new ArrayList<>();
        em.createNamedQuery(IncomingSms.WITH_NUMBER, IncomingSms.class)
                .setParameter("number", number)
                .getResultList()
                .forEach(sms -> lines.add(new Line(
                        sms.getReceivedAt(),
                        sms.getDirection() == IncomingSms.Direction.RECEIVED,
                        sms.getText(),
                        null)));
        em.createQuery("select m from SmsMessage m where m.recipient = :number", SmsMessage.class)
                .setParameter("number", number)
                .getResultList()
                .forEach(message ->
                        lines.add(new Line(message.getCreatedAt(), false, message.getText(), message.getState())));
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }
}
