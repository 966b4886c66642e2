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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.NumberLabel;
import org.switchboard.contact.PhoneNumber;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;

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
    private ContactService contacts;

    @Inject
    private DeviceService devices;

    @Inject
    private SmsSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<SmsDispatcher.QueueChanged> queueChanged;

    @Inject
    private Event<SmsPush.MessagesChanged> changed;

    /**
     * Whom to send to. A contact gets the SMS on its mobile, else its first number; a group, each of its members
     * that has a number.
     *
     * @param numbers numbers in any usual format
     * @param externalIds contacts by the school platform's id (the REST API)
     * @param contactIds contacts by Switchboard's id (the pages)
     * @param groupIds groups by Switchboard's id
     */
    public record Recipients(
            List<String> numbers, List<String> externalIds, List<Long> contactIds, List<Long> groupIds) {

        public static Recipients numbers(List<String> numbers) {
            return new Recipients(numbers, List.of(), List.of(), List.of());
        }
    }

    /** What to send, to whom, and optionally through which phone and SIM, not before when, under which key. */
    public record Request(
            Recipients to, String text, Long deviceId, Integer simSlot, Instant sendAt, String idempotencyKey) {}

    /** The messages a request queued; {@code replayed} when it repeated an earlier request, which sent nothing. */
    public record Sent(SmsBatch batch, List<SmsMessage> messages, boolean replayed) {}

    /** @param actor who sends: a username, or the name of an API key */
    public Sent send(String actor, Request request) {
        String text = request.text() == null ? "" : request.text();
        if (text.isBlank()) {
            throw new InvalidInputException("text", "error.sms.emptyText");
        }
        Segments.Split split = Segments.split(text);
        if (split.count() > MAX_PARTS) {
            throw new InvalidInputException("text", "error.sms.tooLong", MAX_PARTS, split.count());
        }
        List<String> recipients = recipients(request);
        if (request.deviceId() != null
                && devices.findById(request.deviceId())
                        .filter(d -> !d.isRevoked())
                        .isEmpty()) {
            throw new InvalidInputException("phone", "error.phone.unknown", request.deviceId());
        }
        if (request.simSlot() != null && (request.simSlot() < 0 || request.simSlot() > 7)) {
            throw new InvalidInputException("sim", "error.phone.sim");
        }
        String key =
                request.idempotencyKey() == null || request.idempotencyKey().isBlank()
                        ? null
                        : request.idempotencyKey().strip();
        if (key != null && key.length() > SmsBatch.MAX_KEY) {
            throw new InvalidInputException("Idempotency-Key", "error.sms.key", SmsBatch.MAX_KEY);
        }
        Instant now = clock.instant();
        Instant sendAfter = request.sendAt() == null || request.sendAt().isBefore(now) ? now : request.sendAt();
        String hash = Secrets.sha256(String.join("\n", recipients) + "\u0000" + text + "\u0000" + request.deviceId()
                + "\u0000" + request.simSlot() + "\u0000" + request.sendAt());
        if (key != null) {
            Optional<SmsBatch> earlier = em.createNamedQuery(SmsBatch.BY_KEY, SmsBatch.class)
                    .setParameter("actor", actor)
                    .setParameter("key", key)
                    .getResultStream()
                    .findFirst();
            if (earlier.isPresent()) {
                if (!earlier.get().getRequestHash().equals(hash)) {
                    throw new InvalidInputException("Idempotency-Key", "error.sms.keyReused", key);
                }
                return new Sent(earlier.get(), messagesOf(earlier.get()), true);
            }
        }
        SmsBatch batch = new SmsBatch(actor, now, key, hash, recipients.size());
        em.persist(batch);
        em.flush();
        List<SmsMessage> messages = new ArrayList<>();
        for (String recipient : recipients) {
            SmsMessage message = new SmsMessage(
                    batch.getId(),
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
        // One flush for all: flushing each would re-check every managed message each time. Ids are given at insert,
        // in no promised order, so the messages are listed by id, as a repeated request lists them.
        em.flush();
        messages.sort(Comparator.comparing(SmsMessage::getId));
        for (SmsMessage message : messages) {
            em.persist(new SmsEvent(message.getId(), MessageState.QUEUED, now, null));
        }
        audit.fire(new AuditEvent(
                actor,
                SmsAction.SMS_QUEUED.name(),
                recipients.size() == 1 ? recipients.get(0) : recipients.size() + " recipients",
                AuditEvent.Outcome.SUCCESS,
                split.count() + " part(s): " + excerpt(text)));
        queueChanged.fire(new SmsDispatcher.QueueChanged());
        changed.fire(new SmsPush.MessagesChanged());
        return new Sent(batch, messages, false);
    }

    public List<SmsMessage> messagesOf(SmsBatch batch) {
        return em.createNamedQuery(SmsMessage.OF_BATCH, SmsMessage.class)
                .setParameter("batch", batch.getId())
                .getResultList();
    }

    /** The distinct numbers to send to, in the order given: numbers, then contacts, then groups' members. */
    private List<String> recipients(Request request) {
        Recipients to = request.to();
        Set<String> recipients = new LinkedHashSet<>();
        for (String number : orEmpty(to.numbers())) {
            recipients.add(phoneNumbers.normalise(number));
        }
        for (String externalId : orEmpty(to.externalIds())) {
            Contact contact = contacts.findByExternalId(externalId)
                    .orElseThrow(() -> new InvalidInputException("contacts", "error.sms.unknownContact", externalId));
            recipients.add(numberOf(contact)
                    .orElseThrow(() -> new InvalidInputException(
                            "contacts", "error.sms.contactWithoutNumber", contact.getDisplayName())));
        }
        for (Long id : orEmpty(to.contactIds())) {
            Contact contact = contacts.find(id)
                    .orElseThrow(() -> new InvalidInputException("contacts", "error.sms.unknownContact", id));
            numberOf(contact).ifPresent(recipients::add);
        }
        for (Long groupId : orEmpty(to.groupIds())) {
            contacts.search(new ContactQuery(null, groupId), 0, Integer.MAX_VALUE).stream()
                    .map(SmsService::numberOf)
                    .flatMap(Optional::stream)
                    .forEach(recipients::add);
        }
        if (recipients.isEmpty()) {
            throw new InvalidInputException("to", "error.sms.noRecipient");
        }
        return List.copyOf(recipients);
    }

    /** The number an SMS to this contact goes to: its mobile, else its first number. */
    static Optional<String> numberOf(Contact contact) {
        return contact.getNumbers().stream()
                .sorted(Comparator.comparing((PhoneNumber n) -> n.getLabel() != NumberLabel.MOBILE))
                .map(PhoneNumber::getE164)
                .findFirst();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
