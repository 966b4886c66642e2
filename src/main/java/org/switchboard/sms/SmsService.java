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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.platform.InvalidInputException;

/** Queues SMS: one stored message per distinct recipient, sent by the dispatcher as phones and pace allow. */
@ApplicationScoped
@Transactional
public class SmsService {

    /** Ten parts: beyond that phones and networks split and reassemble unreliably. */
    static final int MAX_PARTS = 10;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private SmsSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<SmsDispatcher.QueueChanged> queueChanged;

    /** What to send, to whom, and optionally through which phone and SIM and not before when. */
    public record Request(List<String> numbers, String text, Long deviceId, Integer simSlot, Instant sendAt) {}

    /**
     * @param actor who sends: a username, or the name of an API key
     * @return the ids of the messages, one per distinct recipient, in the order given
     */
    public List<Long> send(String actor, Request request) {
        String text = request.text() == null ? "" : request.text();
        if (text.isBlank()) {
            throw new InvalidInputException("text", "error.sms.emptyText");
        }
        Segments.Split split = Segments.split(text);
        if (split.count() > MAX_PARTS) {
            throw new InvalidInputException("text", "error.sms.tooLong", MAX_PARTS, split.count());
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (String number : request.numbers() == null ? List.<String>of() : request.numbers()) {
            recipients.add(phoneNumbers.normalise(number));
        }
        if (recipients.isEmpty()) {
            throw new InvalidInputException("numbers", "error.sms.noRecipient");
        }
        Instant now = clock.instant();
        Instant sendAfter = request.sendAt() == null || request.sendAt().isBefore(now) ? now : request.sendAt();
        List<SmsMessage> messages = new ArrayList<>();
        for (String recipient : recipients) {
            SmsMessage message = new SmsMessage(
                    recipient,
                    text,
                    actor,
                    now,
                    sendAfter,
                    sendAfter.plus(settings.timeToLive()),
                    request.deviceId(),
                    request.simSlot());
            em.persist(message);
            messages.add(message);
        }
        em.flush();
        List<Long> ids = new ArrayList<>();
        for (SmsMessage message : messages) {
            em.persist(new SmsEvent(message.getId(), MessageState.QUEUED, now, null));
            ids.add(message.getId());
        }
        audit.fire(new AuditEvent(
                actor,
                SmsAction.SMS_QUEUED.name(),
                recipients.size() == 1 ? recipients.iterator().next() : recipients.size() + " recipients",
                AuditEvent.Outcome.SUCCESS,
                split.count() + " part(s): " + excerpt(text)));
        queueChanged.fire(new SmsDispatcher.QueueChanged());
        return ids;
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
