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
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.CallerLookup;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactCard;
import org.switchboard.contact.ContactGroup;
import org.switchboard.contact.ContactKind;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.NumberLabel;
import org.switchboard.contact.PhoneNumber;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.DeviceService;
import org.switchboard.phone.PhoneGateway;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;

/** Queues SMS: one stored message per distinct recipient, sent by the dispatcher as phones and pace allow. */
@ApplicationScoped
@Transactional
public class SmsService {

    /** Ten parts: beyond that phones and networks split and reassemble unreliably. */
    static final int MAX_PARTS = 10;

    private static final Comparator<Contact> BY_NAME = Comparator.comparing(
                    (Contact contact) -> Objects.toString(contact.getLastName(), ""))
            .thenComparing(contact -> Objects.toString(contact.getFirstName(), ""))
            .thenComparing(Contact::getId);

    /** Contacts looked up per query when filling placeholders: well under any database's limit of parameters. */
    private static final int LOOKUP_CHUNK = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private ContactService contacts;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneGateway gateway;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private SmsSettings settings;

    @Inject
    private SmsOutbox outbox;

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
     * that has a number, or the guardians linked to them, or both.
     *
     * @param numbers numbers in any usual format
     * @param externalIds contacts by the school platform's id (the REST API)
     * @param contactIds contacts by Switchboard's id (the pages)
     * @param groupIds groups by Switchboard's id
     * @param groupAudience who of the groups: their members unless told otherwise
     */
    public record Recipients(
            List<String> numbers,
            List<String> externalIds,
            List<Long> contactIds,
            List<Long> groupIds,
            GroupAudience groupAudience) {

        public Recipients {
            groupAudience = groupAudience == null ? GroupAudience.MEMBERS : groupAudience;
        }

        public Recipients(List<String> numbers, List<String> externalIds, List<Long> contactIds, List<Long> groupIds) {
            this(numbers, externalIds, contactIds, groupIds, GroupAudience.MEMBERS);
        }

        public static Recipients numbers(List<String> numbers) {
            return new Recipients(numbers, List.of(), List.of(), List.of());
        }
    }

    /** What to send, to whom, and optionally through which phone and SIM, not before when, under which key. */
    public record Request(
            Recipients to, String text, Long deviceId, Integer simSlot, Instant sendAt, String idempotencyKey) {}

    /** The messages a request queued; {@code replayed} when it repeated an earlier request, which sent nothing. */
    public record Sent(SmsBatch batch, List<SmsMessage> messages, boolean replayed) {}

    /**
     * One recipient: a number, the contact it belongs to when known (whose values fill the placeholders), and, for a
     * guardian reached through a group's students, the children it gets the SMS for.
     */
    public record Recipient(String number, Contact contact, List<Contact> children) {

        public Recipient(String number, Contact contact) {
            this(number, contact, List.of());
        }

        Recipient forAlso(Contact child) {
            List<Contact> more = new ArrayList<>(children);
            more.add(child);
            return new Recipient(number, contact, List.copyOf(more));
        }
    }

    /**
     * What a send would be: the first recipients' texts, how many recipients, the parts of all their texts, and the
     * pace of the phones that would send it.
     */
    public record Plan(List<Preview> previews, int recipients, int parts, Pace pace) {}

    /**
     * How fast the phones ready now send: each sends from one SIM (the chosen one, else its default) at its own pace,
     * else {@code switchboard.sms.parts-per-minute}, as the dispatcher routes.
     *
     * @param partsPerMinute all of them together; 0 when one of them has no limit
     */
    public record Pace(int readyPhones, int partsPerMinute) {

        /** Minutes to send that many parts, rounded up; 0 with no limit. */
        public int minutesFor(int parts) {
            return partsPerMinute == 0 ? 0 : Math.max(1, (parts + partsPerMinute - 1) / partsPerMinute);
        }
    }

    /** What one recipient would receive. */
    public record Preview(Recipient recipient, String text, Segments.Split split) {}

    /** @param actor who sends: a username, or the name of an API key */
    public Sent send(String actor, Request request) {
        String text = checkedText(request.text());
        List<Recipient> recipients = recipients(request.to(), Placeholders.namesTheChild(text));
        if (recipients.isEmpty()) {
            throw new InvalidInputException("to", "error.sms.noRecipient");
        }
        List<String> texts = texts(text, recipients);
        int longest = texts.stream()
                .mapToInt(filled -> Segments.split(filled).count())
                .max()
                .orElse(0);
        if (longest > MAX_PARTS) {
            throw new InvalidInputException("text", "error.sms.tooLong", MAX_PARTS, longest);
        }
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
        List<String> numbers = recipients.stream().map(Recipient::number).toList();
        String hash = Secrets.sha256(String.join("\n", numbers) + "\u0000" + text + "\u0000" + request.deviceId()
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
        SmsBatch batch = new SmsBatch(actor, now, key, hash, recipients.size(), text);
        em.persist(batch);
        em.flush();
        List<SmsMessage> messages = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SmsMessage message = new SmsMessage(
                    batch.getId(),
                    numbers.get(i),
                    texts.get(i),
                    actor,
                    now,
                    sendAfter,
                    sendAfter.plus(settings.timeToLive()),
                    request.deviceId(),
                    request.simSlot());
            messages.add(message);
        }
        outbox.queue(messages);
        // Ids come in the order listed, which is the order a repeated request lists them in. The timeline's first
        // step, queued, is the message's own creation time: no row is written for it.
        audit.fire(new AuditEvent(
                actor,
                SmsAction.SMS_QUEUED.name(),
                numbers.size() == 1 ? numbers.get(0) : numbers.size() + " recipients",
                AuditEvent.Outcome.SUCCESS,
                longest + " part(s): " + excerpt(text)));
        queueChanged.fire(new SmsDispatcher.QueueChanged());
        changed.fire(new SmsPush.MessagesChanged());
        return new Sent(batch, messages, false);
    }

    /**
     * What sending this text would be, with what the first {@code previews} recipients would receive; nothing is
     * stored. A text with a misspelt placeholder is counted as written and previewed for no one.
     */
    public Plan plan(Recipients to, String text, Long deviceId, int previews) {
        String written = text == null ? "" : text;
        List<Recipient> recipients = recipients(to, Placeholders.namesTheChild(written));
        List<String> texts = texts(written, recipients);
        int parts = texts.stream()
                .mapToInt(filled -> Segments.split(filled).count())
                .sum();
        List<Preview> shown = new ArrayList<>();
        if (!written.isBlank() && Placeholders.unknown(written).isEmpty()) {
            for (int i = 0; i < Math.min(previews, recipients.size()); i++) {
                shown.add(new Preview(recipients.get(i), texts.get(i), Segments.split(texts.get(i))));
            }
        }
        return new Plan(shown, recipients.size(), parts, pace(deviceId));
    }

    /** The pace of the phones ready now, or of the chosen one if it is ready. */
    public Pace pace(Long deviceId) {
        List<Long> ready = gateway.readyPhones().stream()
                .filter(device -> deviceId == null || deviceId.equals(device))
                .toList();
        Map<Long, Integer> ownPaces = new HashMap<>();
        devices.list().stream()
                .filter(device -> device.getSmsPartsPerMinute() != null)
                .forEach(device -> ownPaces.put(device.getId(), device.getSmsPartsPerMinute()));
        int total = 0;
        for (Long device : ready) {
            int pace = ownPaces.getOrDefault(device, settings.partsPerMinute());
            if (pace <= 0) {
                return new Pace(ready.size(), 0);
            }
            total += pace;
        }
        return new Pace(ready.size(), total);
    }

    /** The text with its placeholders filled from this contact (null: a sample with no values). */
    public String fill(String text, Contact contact) {
        return texts(checkedText(text), List.of(new Recipient("", contact))).get(0);
    }

    /** A text to send: written, and with no misspelt placeholder. */
    static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "error.sms.emptyText");
        }
        List<String> unknown = Placeholders.unknown(text);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(
                    "text",
                    "error.sms.unknownPlaceholder",
                    String.join(" ", unknown),
                    String.join(" ", Placeholders.written()));
        }
        return text;
    }

    /** Each recipient's own text: the same for all when there is no placeholder. */
    private List<String> texts(String text, List<Recipient> recipients) {
        if (!Placeholders.any(text)) {
            return Collections.nCopies(recipients.size(), text);
        }
        Map<String, Contact> byNumber = contactsByNumber(recipients.stream()
                .filter(recipient -> recipient.contact() == null)
                .map(Recipient::number)
                .toList());
        List<Contact> known = recipients.stream()
                .map(recipient -> recipient.contact() != null ? recipient.contact() : byNumber.get(recipient.number()))
                .toList();
        Map<Long, ContactCard> cards = new HashMap<>();
        List<Contact> distinct =
                known.stream().filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < distinct.size(); from += LOOKUP_CHUNK) {
            callerLookup
                    .cards(distinct.subList(from, Math.min(distinct.size(), from + LOOKUP_CHUNK)))
                    .forEach(card -> cards.put(card.id(), card));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            Contact contact = known.get(i);
            texts.add(Placeholders.fill(
                    text,
                    contact == null
                            ? Map.of()
                            : values(
                                    contact,
                                    cards.get(contact.getId()),
                                    recipients.get(i).children())));
        }
        return texts;
    }

    /** A typed number's contact, when one has it: the first by name, as the caller lookup orders them. */
    private Map<String, Contact> contactsByNumber(List<String> numbers) {
        Map<String, Contact> byNumber = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += LOOKUP_CHUNK) {
            em.createQuery(
                            "select p.e164, p.contact from PhoneNumber p where p.e164 in :numbers"
                                    + " order by p.contact.lastName, p.contact.firstName, p.contact.id",
                            Object[].class)
                    .setParameter("numbers", numbers.subList(from, Math.min(numbers.size(), from + LOOKUP_CHUNK)))
                    .getResultList()
                    .forEach(row -> byNumber.putIfAbsent((String) row[0], (Contact) row[1]));
        }
        return byNumber;
    }

    /**
     * The placeholders' values for a contact. Its children are those it is texted for (through a group of students),
     * else, for a guardian, all its children in the directory. Its class is its children's groups, or its own when it
     * has none; what it owes is the balance of its unpaid invoices, per currency.
     */
    private static Map<String, String> values(Contact contact, ContactCard card, List<Contact> textedFor) {
        Map<String, String> values = new HashMap<>();
        values.put("firstName", Objects.toString(contact.getFirstName(), ""));
        values.put("lastName", Objects.toString(contact.getLastName(), ""));
        values.put("name", contact.getDisplayName());
        Collection<Contact> children = !textedFor.isEmpty()
                ? textedFor
                : contact.getKind() == ContactKind.GUARDIAN
                        ? contact.getStudents().stream().sorted(BY_NAME).toList()
                        : List.of();
        values.put(
                "childFirstName",
                children.stream()
                        .map(child -> Objects.toString(child.getFirstName(), ""))
                        .collect(Collectors.joining(", ")));
        values.put("childName", children.stream().map(Contact::getDisplayName).collect(Collectors.joining(", ")));
        Collection<Contact> classOf = children.isEmpty() ? Set.of(contact) : children;
        values.put(
                "class",
                classOf.stream()
                        .flatMap(member -> member.getGroups().stream())
                        .map(ContactGroup::getName)
                        .distinct()
                        .sorted()
                        .collect(Collectors.joining(", ")));
        List<ContactCard.Amount> balance = card == null ? List.of() : card.balance();
        values.put(
                "amountDue",
                balance.isEmpty()
                        ? "0"
                        : balance.stream()
                                .map(owed -> owed.shown() + " " + owed.currency())
                                .collect(Collectors.joining(" + ")));
        return values;
    }

    public List<SmsMessage> messagesOf(SmsBatch batch) {
        return em.createNamedQuery(SmsMessage.OF_BATCH, SmsMessage.class)
                .setParameter("batch", batch.getId())
                .getResultList();
    }

    /**
     * The distinct recipients, in the order given: numbers, then contacts, then groups' members and their guardians.
     * A number chosen twice (typed, and a contact's) is sent to once, and so is a guardian of several children in
     * the groups, unless {@code onePerChild} (the text names the child): then once for each of those children.
     */
    private List<Recipient> recipients(Recipients to, boolean onePerChild) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (String number : orEmpty(to.numbers())) {
            String e164 = phoneNumbers.normalise(number);
            recipients.putIfAbsent(e164, new Recipient(e164, null));
        }
        for (String externalId : orEmpty(to.externalIds())) {
            Contact contact = contacts.findByExternalId(externalId)
                    .orElseThrow(() -> new InvalidInputException("contacts", "error.sms.unknownContact", externalId));
            String number = numberOf(contact)
                    .orElseThrow(() -> new InvalidInputException(
                            "contacts", "error.sms.contactWithoutNumber", contact.getDisplayName()));
            recipients.putIfAbsent(number, new Recipient(number, contact));
        }
        for (Long id : orEmpty(to.contactIds())) {
            Contact contact = contacts.find(id)
                    .orElseThrow(() -> new InvalidInputException("contacts", "error.sms.unknownContact", id));
            numberOf(contact).ifPresent(number -> recipients.putIfAbsent(number, new Recipient(number, contact)));
        }
        GroupAudience audience = to.groupAudience();
        for (Long groupId : orEmpty(to.groupIds())) {
            for (Contact member : contacts.search(new ContactQuery(null, groupId), 0, Integer.MAX_VALUE)) {
                if (audience.reachesMembers()) {
                    numberOf(member).ifPresent(number -> recipients.putIfAbsent(number, new Recipient(number, member)));
                }
                if (audience.reachesGuardians()) {
                    member.getGuardians().stream().sorted(BY_NAME).forEach(guardian -> numberOf(guardian)
                            .ifPresent(number -> addGuardian(recipients, number, guardian, member, onePerChild)));
                }
            }
        }
        return List.copyOf(recipients.values());
    }

    /**
     * A guardian texted for a child: with a text for each child, under the number and the child; else once under
     * its number, naming each child it is for. A number already chosen for itself is not texted again.
     */
    private static void addGuardian(
            Map<String, Recipient> recipients, String number, Contact guardian, Contact child, boolean onePerChild) {
        if (onePerChild) {
            if (!recipients.containsKey(number)) {
                recipients.putIfAbsent(
                        number + "\u0000" + child.getId(), new Recipient(number, guardian, List.of(child)));
            }
            return;
        }
        Recipient earlier = recipients.get(number);
        if (earlier == null) {
            recipients.put(number, new Recipient(number, guardian, List.of(child)));
        } else if (guardian.equals(earlier.contact()) && !earlier.children().isEmpty()) {
            recipients.put(number, earlier.forAlso(child));
        }
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
