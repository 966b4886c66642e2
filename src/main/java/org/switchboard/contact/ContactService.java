package org.switchboard.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.switchboard.audit.AuditEvent;
import org.switchboard.i18n.BidiControls;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;
import org.switchboard.security.Role;

/** The contact directory: contacts with their numbers, groups and guardians, and their invoices. */
@ApplicationScoped
@Transactional
public class ContactService {

    static final String CONTACT_CREATED = "CONTACT_CREATED";
    static final String CONTACT_UPDATED = "CONTACT_UPDATED";
    static final String CONTACT_DELETED = "CONTACT_DELETED";
    static final String CONTACT_MERGED = "CONTACT_MERGED";
    static final String INVOICE_SAVED = "INVOICE_SAVED";
    static final String INVOICE_DELETED = "INVOICE_DELETED";
    static final String GROUP_DELETED = "GROUP_DELETED";
    static final String GROUP_CREATED = "GROUP_CREATED";
    static final String GROUP_RENAMED = "GROUP_RENAMED";
    static final String GROUP_MEMBER_ADDED = "GROUP_MEMBER_ADDED";
    static final String GROUP_MEMBER_REMOVED = "GROUP_MEMBER_REMOVED";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DIGITS_ONLY_QUERY = Pattern.compile("[+0-9 ().-]{3,}");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<ContactCreated> created;

    /** The result of saving a contact by external id: whether it was new, and whether anything changed. */
    public record Saved(Contact contact, boolean created, boolean changed) {}

    public Optional<Contact> find(long id) {
        return Optional.ofNullable(em.find(Contact.class, id));
    }

    public Optional<Contact> findByExternalId(String externalId) {
        if (externalId == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Contact.BY_EXTERNAL_ID, Contact.class)
                .setParameter("externalId", externalId.strip())
                .getResultStream()
                .findFirst();
    }

    /**
     * Creates or replaces the contact with this external id: what is not given is removed. Saving what is already
     * there changes nothing, not even the audit trail.
     */
    public Saved save(String actor, String externalId, ContactInput input) {
        return save(actor, externalId, input, true);
    }

    /**
     * As {@link #save(String, String, ContactInput)}; unless {@code sharedNumbers}, a number this contact does not
     * have yet but another contact has is refused with {@link NumberTakenException}.
     */
    public Saved save(String actor, String externalId, ContactInput input, boolean sharedNumbers) {
        String id = requireExternalId(externalId);
        Validated valid = validate(input);
        Instant now = clock.instant();
        Optional<Contact> existing = findByExternalId(id);
        if (!sharedNumbers) {
            Optional<Contact> holder = otherHolder(existing.map(Contact::getId).orElse(null), valid.numbers());
            if (holder.isPresent()) {
                throw new NumberTakenException(
                        holder.get().getId(), holder.get().getExternalId());
            }
        }
        Contact contact = existing.orElseGet(() -> new Contact(id, now));
        boolean changed = apply(contact, valid);
        if (existing.isEmpty()) {
            em.persist(contact);
            audit.fire(AuditEvent.success(actor, CONTACT_CREATED, id));
        } else if (changed) {
            contact.touch(now);
            audit.fire(AuditEvent.success(actor, CONTACT_UPDATED, id));
        }
        return new Saved(contact, existing.isEmpty(), existing.isEmpty() || changed);
    }

    /**
     * Creates a contact typed in by a user, e.g. for a caller whose number was unknown. It has no external id: the
     * school's platform does not know it, and a later import does not replace it.
     */
    public Contact create(CurrentUser editor, ContactInput input, Family family) {
        requireEditor(editor, CONTACT_CREATED, "new contact");
        Validated valid = validate(input);
        Contact contact = new Contact(null, clock.instant());
        apply(contact, valid);
        contact.replaceGuardians(contacts(family.guardians(), contact));
        em.persist(contact);
        em.flush();
        contact.replaceStudents(contacts(family.students(), contact));
        audit.fire(AuditEvent.success(editor.getUsername(), CONTACT_CREATED, target(contact)));
        created.fire(new ContactCreated(
                contact.getId(),
                contact.getDisplayName(),
                contact.getNumbers().stream().map(PhoneNumber::getE164).toList()));
        return contact;
    }

    /** A contact's guardians and students, by Switchboard's id, as the contact form chooses them. */
    public record Family(Set<Long> guardians, Set<Long> students) {

        public static final Family NONE = new Family(Set.of(), Set.of());

        public static Family of(Contact contact) {
            return new Family(ids(contact.getGuardians()), ids(contact.getStudents()));
        }

        private static Set<Long> ids(Set<Contact> contacts) {
            Set<Long> ids = new LinkedHashSet<>();
            contacts.forEach(c -> ids.add(c.getId()));
            return ids;
        }
    }

    /** Replaces what a user changed on the contact form: everything but the external id. */
    public Contact update(CurrentUser editor, long contactId, ContactInput input, Family family) {
        Contact contact = requireContact(contactId);
        requireEditor(editor, CONTACT_UPDATED, target(contact));
        Validated valid = validate(input);
        boolean changed = apply(contact, valid);
        changed |= contact.replaceGuardians(contacts(family.guardians(), contact));
        changed |= contact.replaceStudents(contacts(family.students(), contact));
        if (changed) {
            contact.touch(clock.instant());
            audit.fire(AuditEvent.success(editor.getUsername(), CONTACT_UPDATED, target(contact)));
        }
        return contact;
    }

    /** Deletes a contact with its numbers and invoices; groups and relatives stay, unlinked from it. */
    public void delete(CurrentUser editor, long contactId) {
        Contact contact = requireContact(contactId);
        String target = target(contact);
        requireEditor(editor, CONTACT_DELETED, target);
        remove(contact);
        audit.fire(new AuditEvent(
                editor.getUsername(), CONTACT_DELETED, target, AuditEvent.Outcome.SUCCESS, contact.getDisplayName()));
    }

    private void remove(Contact contact) {
        contact.unlinkAll();
        em.createQuery("delete from Invoice i where i.contact = :contact")
                .setParameter("contact", contact)
                .executeUpdate();
        em.remove(contact);
    }

    /**
     * Another contact that already has one of these numbers, which the contact {@code contactId} (null when new)
     * does not have yet: the duplicate a user is warned of before saving.
     */
    public Optional<Contact> numberHolder(Long contactId, List<ContactInput.NumberInput> numbers) {
        List<Contact.ValidNumber> valid = new ArrayList<>();
        for (ContactInput.NumberInput number : numbers) {
            phoneNumbers
                    .tryNormalise(number.number())
                    .ifPresent(e164 -> valid.add(new Contact.ValidNumber(number.number(), e164, number.label())));
        }
        return otherHolder(contactId, valid);
    }

    private Optional<Contact> otherHolder(Long contactId, List<Contact.ValidNumber> numbers) {
        Set<String> own = new LinkedHashSet<>();
        if (contactId != null) {
            find(contactId).ifPresent(c -> c.getNumbers().forEach(n -> own.add(n.getE164())));
        }
        List<String> added = numbers.stream()
                .map(Contact.ValidNumber::e164)
                .filter(e164 -> !own.contains(e164))
                .toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        return em.createQuery(
                        "select p.contact from PhoneNumber p where p.e164 in :numbers and p.contact.id <> :self"
                                + " order by p.contact.id",
                        Contact.class)
                .setParameter("numbers", added)
                .setParameter("self", contactId == null ? -1L : contactId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Files what the form describes into an existing contact instead of creating a duplicate: its numbers, groups,
     * guardians and students are added to those of {@code intoId}; names, kind and notes of the existing contact
     * stay, and the form's notes are appended.
     */
    public Contact addTo(CurrentUser editor, long intoId, ContactInput input, Family family) {
        Contact into = requireContact(intoId);
        requireEditor(editor, CONTACT_MERGED, target(into));
        Validated valid = validate(input);
        absorb(
                into,
                valid.numbers(),
                groupsNamed(valid.groupNames()),
                contacts(family.guardians(), into),
                contacts(family.students(), into),
                valid.notes());
        into.touch(clock.instant());
        audit.fire(new AuditEvent(
                editor.getUsername(),
                CONTACT_MERGED,
                target(into),
                AuditEvent.Outcome.SUCCESS,
                "from the contact form"));
        return into;
    }

    /**
     * Moves a duplicate contact's numbers, groups, guardians, students and invoices into {@code intoId}, then
     * deletes the duplicate.
     */
    public Contact merge(CurrentUser editor, long fromId, long intoId) {
        if (fromId == intoId) {
            throw new InvalidInputException("contact", "error.contact.mergeSelf");
        }
        Contact from = requireContact(fromId);
        Contact into = requireContact(intoId);
        requireEditor(editor, CONTACT_MERGED, target(into));
        List<Contact.ValidNumber> numbers = from.getNumbers().stream()
                .map(n -> new Contact.ValidNumber(n.getRaw(), n.getE164(), n.getLabel()))
                .toList();
        Set<Contact> guardians = new LinkedHashSet<>(from.getGuardians());
        Set<Contact> students = new LinkedHashSet<>(from.getStudents());
        guardians.remove(into);
        students.remove(into);
        Set<ContactGroup> groups = new LinkedHashSet<>(from.getGroups());
        String notes = from.getNotes();
        String fromTarget = target(from);
        em.createQuery("update Invoice i set i.contact = :into where i.contact = :from")
                .setParameter("into", into)
                .setParameter("from", from)
                .executeUpdate();
        remove(from);
        em.flush();
        absorb(into, numbers, groups, guardians, students, notes);
        into.touch(clock.instant());
        audit.fire(new AuditEvent(
                editor.getUsername(), CONTACT_MERGED, target(into), AuditEvent.Outcome.SUCCESS, "from " + fromTarget));
        return into;
    }

    private void absorb(
            Contact into,
            List<Contact.ValidNumber> numbers,
            Set<ContactGroup> groups,
            Set<Contact> guardians,
            Set<Contact> students,
            String notes) {
        List<Contact.ValidNumber> all = new ArrayList<>();
        into.getNumbers().forEach(n -> all.add(new Contact.ValidNumber(n.getRaw(), n.getE164(), n.getLabel())));
        numbers.stream()
                .filter(n -> all.stream().noneMatch(a -> a.e164().equals(n.e164())))
                .forEach(all::add);
        into.replaceNumbers(all);
        groups.forEach(into::addGroup);
        Set<Contact> allGuardians = new LinkedHashSet<>(into.getGuardians());
        allGuardians.addAll(guardians);
        into.replaceGuardians(allGuardians);
        Set<Contact> allStudents = new LinkedHashSet<>(into.getStudents());
        allStudents.addAll(students);
        into.replaceStudents(allStudents);
        if (notes != null && !notes.equals(into.getNotes())) {
            String joined = into.getNotes() == null ? notes : into.getNotes() + "\n" + notes;
            into.describe(
                    into.getFirstName(),
                    into.getLastName(),
                    into.getKind(),
                    joined.length() > Contact.MAX_NOTES ? joined.substring(0, Contact.MAX_NOTES) : joined);
        }
    }

    private Set<Contact> contacts(Set<Long> ids, Contact self) {
        Set<Contact> found = new LinkedHashSet<>();
        for (Long id : ids) {
            if (id != null && !id.equals(self.getId())) {
                found.add(requireContact(id));
            }
        }
        return found;
    }

    private Set<ContactGroup> groupsNamed(Set<String> names) {
        Set<ContactGroup> groups = new LinkedHashSet<>();
        names.forEach(name -> groups.add(findOrCreateGroup(name)));
        return groups;
    }

    /** Pages hide what viewers may not do; this refuses it all the same, for a request made by hand. */
    private void requireEditor(CurrentUser editor, String action, String target) {
        Role role = editor.getRole();
        if (role != Role.ADMIN && role != Role.STAFF) {
            audit.fire(new AuditEvent(editor.getUsername(), action, target, AuditEvent.Outcome.DENIED, null));
            throw new InvalidInputException("contact", "error.contact.readOnly");
        }
    }

    static String target(Contact contact) {
        return contact.getExternalId() == null ? "contact " + contact.getId() : contact.getExternalId();
    }

    /** Checks a contact without saving anything, as an import preview does: the first problem found, if any. */
    public Optional<InvalidInputException> check(ContactInput input) {
        try {
            validate(input);
            return Optional.empty();
        } catch (InvalidInputException e) {
            return Optional.of(e);
        }
    }

    private record Validated(
            String firstName,
            String lastName,
            ContactKind kind,
            String notes,
            List<Contact.ValidNumber> numbers,
            Set<String> groupNames,
            Set<Contact> guardians) {}

    private Validated validate(ContactInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.contact.missing");
        }
        String first = text(input.firstName(), "firstName", Contact.MAX_NAME);
        String last = text(input.lastName(), "lastName", Contact.MAX_NAME);
        if (first.isEmpty() && last.isEmpty()) {
            throw new InvalidInputException("lastName", "error.contact.nameMissing");
        }
        String notes = text(input.notes(), "notes", Contact.MAX_NOTES);
        Map<String, Contact.ValidNumber> numbers = new LinkedHashMap<>();
        for (ContactInput.NumberInput number :
                input.numbers() == null ? List.<ContactInput.NumberInput>of() : input.numbers()) {
            if (number == null) {
                continue;
            }
            String e164 = phoneNumbers.normalise(number.number());
            numbers.putIfAbsent(e164, new Contact.ValidNumber(number.number().strip(), e164, number.label()));
        }
        Set<String> groupNames = new LinkedHashSet<>();
        for (String group : input.groups() == null ? List.<String>of() : input.groups()) {
            if (group != null && !group.isBlank()) {
                groupNames.add(requireGroupName(group));
            }
        }
        Set<Contact> guardians = new LinkedHashSet<>();
        for (String guardian : input.guardians() == null ? List.<String>of() : input.guardians()) {
            if (guardian != null && !guardian.isBlank()) {
                guardians.add(findByExternalId(guardian)
                        .orElseThrow(() ->
                                new InvalidInputException("guardians", "error.contact.unknownGuardian", guardian)));
            }
        }
        return new Validated(
                first,
                last,
                input.kind() == null ? ContactKind.OTHER : input.kind(),
                notes.isEmpty() ? null : notes,
                new ArrayList<>(numbers.values()),
                groupNames,
                guardians);
    }

    private boolean apply(Contact contact, Validated valid) {
        Set<ContactGroup> groups = groupsNamed(valid.groupNames());
        boolean described = contact.describe(valid.firstName(), valid.lastName(), valid.kind(), valid.notes());
        boolean numbered = contact.replaceNumbers(valid.numbers());
        boolean grouped = contact.replaceGroups(groups);
        boolean related = contact.replaceGuardians(valid.guardians());
        return described || numbered || grouped || related;
    }

    /** Contacts matching a name, any part of a number, and a group; {@code null} parts do not filter. */
    public List<Contact> search(ContactQuery query, int first, int pageSize) {
        Criteria criteria = criteria(query);
        TypedQuery<Contact> select = em.createQuery(
                "select c from Contact c where " + criteria.where() + " order by c.lastName, c.firstName, c.id",
                Contact.class);
        criteria.parameters().forEach(select::setParameter);
        return select.setFirstResult(first)
                .setMaxResults(pageSize)
                .setHint("eclipselink.batch", "c.numbers")
                .setHint("eclipselink.batch", "c.groups")
                .setHint("eclipselink.batch.type", "IN")
                .getResultList();
    }

    public long count(ContactQuery query) {
        Criteria criteria = criteria(query);
        TypedQuery<Long> count = em.createQuery("select count(c) from Contact c where " + criteria.where(), Long.class);
        criteria.parameters().forEach(count::setParameter);
        return count.getSingleResult();
    }

    private record Criteria(String where, Map<String, Object> parameters) {}

    /**
     * The search as JPQL. Number and group conditions are uncorrelated subqueries, so that the database reads the
     * number or membership index once rather than once per contact; a whole number is matched exactly.
     */
    private Criteria criteria(ContactQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        conditions.add("1 = 1");
        if (query.hasText()) {
            if (isNumberQuery(query.text())) {
                Optional<String> whole = phoneNumbers.tryNormalise(query.text());
                conditions.add(
                        whole.isPresent()
                                ? "c.id in (select p.contact.id from PhoneNumber p where p.e164 = :number)"
                                : "c.id in (select p.contact.id from PhoneNumber p where p.e164 like :number)");
                parameters.put("number", whole.orElse("%" + query.text().replaceAll("[^0-9]", "") + "%"));
            } else {
                conditions.add("c.searchName like :name");
                parameters.put("name", "%" + Contact.searchable(query.text()) + "%");
            }
        }
        if (query.groupId() != null) {
            conditions.add("c.id in (select m.id from Contact m join m.groups g where g.id = :groupId)");
            parameters.put("groupId", query.groupId());
        }
        return new Criteria(String.join(" and ", conditions), parameters);
    }

    private static boolean isNumberQuery(String text) {
        return DIGITS_ONLY_QUERY.matcher(text.strip()).matches();
    }

    // Groups

    public List<ContactGroup> groups() {
        return em.createNamedQuery(ContactGroup.ALL, ContactGroup.class).getResultList();
    }

    public Map<Long, Long> memberCounts() {
        Map<Long, Long> counts = new LinkedHashMap<>();
        em.createQuery("select g.id, count(c) from Contact c join c.groups g group by g.id", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    public Optional<ContactGroup> findGroup(String name) {
        return em.createNamedQuery(ContactGroup.BY_NAME, ContactGroup.class)
                .setParameter("name", name.strip())
                .getResultStream()
                .findFirst();
    }

    public Optional<ContactGroup> findGroup(long id) {
        return Optional.ofNullable(em.find(ContactGroup.class, id));
    }

    public ContactGroup createGroup(String actor, String name) {
        String groupName = requireGroupName(name);
        if (findGroup(groupName).isPresent()) {
            throw new InvalidInputException("name", "error.group.exists", groupName);
        }
        ContactGroup group = new ContactGroup(groupName, clock.instant());
        em.persist(group);
        audit.fire(AuditEvent.success(actor, GROUP_CREATED, groupName));
        return group;
    }

    public ContactGroup renameGroup(String actor, long groupId, String name) {
        ContactGroup group = requireGroup(groupId);
        String groupName = requireGroupName(name);
        Optional<ContactGroup> clash =
                findGroup(groupName).filter(other -> !other.getId().equals(groupId));
        if (clash.isPresent()) {
            throw new InvalidInputException("name", "error.group.exists", groupName);
        }
        String before = group.getName();
        group.rename(groupName);
        audit.fire(new AuditEvent(actor, GROUP_RENAMED, groupName, AuditEvent.Outcome.SUCCESS, "was " + before));
        return group;
    }

    /** Deletes a group; its members stay, no longer in it. */
    public void deleteGroup(CurrentUser editor, long groupId) {
        ContactGroup group = requireGroup(groupId);
        requireEditor(editor, GROUP_DELETED, group.getName());
        em.createNativeQuery("delete from contact_group_member where group_id = ?")
                .setParameter(1, groupId)
                .executeUpdate();
        em.remove(group);
        audit.fire(AuditEvent.success(editor.getUsername(), GROUP_DELETED, group.getName()));
    }

    public List<Contact> members(long groupId, int first, int pageSize) {
        return search(new ContactQuery(null, groupId), first, pageSize);
    }

    public void addMember(String actor, long groupId, long contactId) {
        ContactGroup group = requireGroup(groupId);
        requireContact(contactId).addGroup(group);
        audit.fire(AuditEvent.success(actor, GROUP_MEMBER_ADDED, group.getName() + " ← " + contactId));
    }

    public void removeMember(String actor, long groupId, long contactId) {
        ContactGroup group = requireGroup(groupId);
        requireContact(contactId).removeGroup(group);
        audit.fire(AuditEvent.success(actor, GROUP_MEMBER_REMOVED, group.getName() + " → " + contactId));
    }

    private ContactGroup findOrCreateGroup(String groupName) {
        return findGroup(groupName).orElseGet(() -> {
            ContactGroup group = new ContactGroup(groupName, clock.instant());
            em.persist(group);
            return group;
        });
    }

    private ContactGroup requireGroup(long groupId) {
        return findGroup(groupId).orElseThrow(() -> new InvalidInputException("group", "error.group.unknown", groupId));
    }

    private Contact requireContact(long contactId) {
        return find(contactId)
                .orElseThrow(() -> new InvalidInputException("contact", "error.contact.unknown", contactId));
    }

    private static String requireGroupName(String name) {
        String groupName = name == null ? "" : BidiControls.strip(name).strip();
        if (groupName.isEmpty() || groupName.length() > ContactGroup.MAX_NAME) {
            throw new InvalidInputException("name", "error.group.name", ContactGroup.MAX_NAME);
        }
        return groupName;
    }

    // Invoices

    /** The result of saving an invoice by number. */
    public record SavedInvoice(Invoice invoice, boolean created, boolean changed) {}

    /** Creates or replaces the invoice with this number; saving what is already there changes nothing. */
    public SavedInvoice saveInvoice(String actor, String number, InvoiceInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.invoice.missing");
        }
        Contact contact = findByExternalId(input.contact())
                .orElseThrow(
                        () -> new InvalidInputException("contact", "error.invoice.unknownContact", input.contact()));
        return storeInvoice(actor, number, contact, input, false);
    }

    /**
     * Creates or changes an invoice of a contact from its card ({@code input.contact()} is not read). A number that
     * another contact's invoice has is refused rather than moved.
     */
    public SavedInvoice saveInvoiceOf(CurrentUser editor, long contactId, String number, InvoiceInput input) {
        Contact contact = requireContact(contactId);
        requireEditor(editor, INVOICE_SAVED, number);
        return storeInvoice(editor.getUsername(), number, contact, input, true);
    }

    public void deleteInvoice(CurrentUser editor, long invoiceId) {
        Invoice invoice = Optional.ofNullable(em.find(Invoice.class, invoiceId))
                .orElseThrow(() -> new InvalidInputException("invoice", "error.invoice.unknown", invoiceId));
        requireEditor(editor, INVOICE_DELETED, invoice.getNumber());
        em.remove(invoice);
        audit.fire(new AuditEvent(
                editor.getUsername(),
                INVOICE_DELETED,
                invoice.getNumber(),
                AuditEvent.Outcome.SUCCESS,
                target(invoice.getContact())));
    }

    /** A contact's invoices, newest first. */
    public List<Invoice> invoicesOf(long contactId) {
        return em.createQuery(
                        "select i from Invoice i where i.contact.id = :id order by i.issueDate desc, i.id desc",
                        Invoice.class)
                .setParameter("id", contactId)
                .getResultList();
    }

    private SavedInvoice storeInvoice(
            String actor, String number, Contact contact, InvoiceInput input, boolean keepOthers) {
        String invoiceNumber = number == null ? "" : number.strip();
        if (invoiceNumber.isEmpty() || invoiceNumber.length() > Invoice.MAX_NUMBER) {
            throw new InvalidInputException("number", "error.invoice.number", Invoice.MAX_NUMBER);
        }
        if (input == null) {
            throw new InvalidInputException("body", "error.invoice.missing");
        }
        if (input.issueDate() == null) {
            throw new InvalidInputException("issueDate", "error.invoice.issueDate");
        }
        if (input.dueDate() != null && input.dueDate().isBefore(input.issueDate())) {
            throw new InvalidInputException("dueDate", "error.invoice.dueBeforeIssue");
        }
        BigDecimal amount = requireAmount(input.amount(), "amount");
        BigDecimal paid =
                input.amountPaid() == null ? BigDecimal.ZERO : requireAmount(input.amountPaid(), "amountPaid");
        String currency =
                input.currency() == null ? "" : input.currency().strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidInputException("currency", "error.invoice.currency", input.currency());
        }
        if (input.status() == null) {
            throw new InvalidInputException("status", "error.invoice.status");
        }
        Invoice invoice = em.createNamedQuery(Invoice.BY_NUMBER, Invoice.class)
                .setParameter("number", invoiceNumber)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> new Invoice(invoiceNumber));
        if (keepOthers && invoice.getContact() != null && !invoice.getContact().equals(contact)) {
            throw new InvalidInputException("number", "error.invoice.numberTaken", invoiceNumber);
        }
        boolean created = invoice.getId() == null;
        boolean changed = invoice.update(
                contact, input.issueDate(), input.dueDate(), amount, paid, currency, input.status(), clock.instant());
        if (created) {
            em.persist(invoice);
        }
        if (changed) {
            audit.fire(AuditEvent.success(actor, INVOICE_SAVED, invoiceNumber));
        }
        return new SavedInvoice(invoice, created, changed);
    }

    private static BigDecimal requireAmount(BigDecimal amount, String field) {
        if (amount == null || amount.signum() < 0 || amount.scale() > 3 || amount.precision() - amount.scale() > 11) {
            throw new InvalidInputException(field, "error.invoice.amount", field);
        }
        return amount;
    }

    private static String requireExternalId(String externalId) {
        String id = externalId == null ? "" : externalId.strip();
        if (id.isEmpty() || id.length() > Contact.MAX_EXTERNAL_ID) {
            throw new InvalidInputException("externalId", "error.contact.externalId", Contact.MAX_EXTERNAL_ID);
        }
        return id;
    }

    private static String text(String value, String field, int max) {
        String text = value == null ? "" : BidiControls.strip(value).strip();
        if (text.length() > max) {
            throw new InvalidInputException(field, "error.contact.tooLong", field, max);
        }
        return text;
    }
}
