package org.switchboard.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * From a number as a phone or a PBX reports it to the contacts that have it, with what the person answering needs:
 * groups, guardians or students, last invoice and balance. Every step follows an index: the number's E.164 form,
 * then the contacts' ids.
 */
@ApplicationScoped
@Transactional
public class CallerLookup {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    /** The contacts with this number, best known first; empty for an unknown, withheld or unreadable number. */
    public List<ContactCard> lookup(String reportedNumber) {
        return phoneNumbers.tryNormalise(reportedNumber).map(this::lookupE164).orElse(List.of());
    }

    /**
     * Who has each of these E.164 numbers in the directory, by name: the first by last and first name when several
     * share one. Numbers no contact has are left out.
     */
    public Map<String, String> names(Collection<String> e164s) {
        Map<String, String> names = new HashMap<>();
        if (e164s.isEmpty()) {
            return names;
        }
        em.createQuery(
                        "select p.e164, c.firstName, c.lastName from PhoneNumber p join p.contact c"
                                + " where p.e164 in :numbers order by c.lastName, c.firstName",
                        Object[].class)
                .setParameter("numbers", e164s)
                .getResultList()
                .forEach(row -> names.putIfAbsent((String) row[0], (row[1] + " " + row[2]).strip()));
        return names;
    }

    List<ContactCard> lookupE164(String e164) {
        List<Contact> contacts = em
                .createQuery(
                        "select distinct c from PhoneNumber p join p.contact c join fetch c.numbers"
                                + " left join fetch c.groups left join fetch c.guardians left join fetch c.students"
                                + " where p.e164 = :e164",
                        Contact.class)
                .setParameter("e164", e164)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing(Contact::getLastName)
                        .thenComparing(Contact::getFirstName)
                        .thenComparing(Contact::getId))
                .toList();
        return cards(contacts);
    }

    /** The cards of these contacts, in the same order. */
    public List<ContactCard> cards(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = contacts.stream().map(Contact::getId).toList();
        Map<Long, List<Invoice>> invoices = em
                .createQuery("select i from Invoice i where i.contact.id in :ids", Invoice.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(i -> i.getContact().getId()));
        return contacts.stream()
                .map(contact -> card(contact, invoices.getOrDefault(contact.getId(), List.of())))
                .toList();
    }

    private static ContactCard card(Contact contact, List<Invoice> invoices) {
        List<ContactCard.Relative> relatives = new ArrayList<>();
        contact.getGuardians().stream()
                .map(g -> relative(g, ContactCard.Relation.GUARDIAN))
                .forEach(relatives::add);
        contact.getStudents().stream()
                .map(s -> relative(s, ContactCard.Relation.STUDENT))
                .forEach(relatives::add);
        relatives.sort(Comparator.comparing(ContactCard.Relative::name));
        return new ContactCard(
                contact.getId(),
                contact.getExternalId(),
                contact.getDisplayName(),
                contact.getKind(),
                contact.getNotes(),
                contact.getNumbers().stream()
                        .map(n -> new ContactCard.Number(n.getE164(), n.getLabel()))
                        .toList(),
                contact.getGroups().stream().map(ContactGroup::getName).sorted().toList(),
                relatives,
                lastInvoice(invoices).map(ContactCard.InvoiceSummary::of).orElse(null),
                balance(invoices));
    }

    private static ContactCard.Relative relative(Contact other, ContactCard.Relation relation) {
        return new ContactCard.Relative(
                other.getId(), other.getExternalId(), other.getDisplayName(), other.getKind(), relation);
    }

    /** The latest issued; of two issued the same day, the one created last. */
    private static Optional<Invoice> lastInvoice(List<Invoice> invoices) {
        return invoices.stream().max(Comparator.comparing(Invoice::getIssueDate).thenComparing(Invoice::getId));
    }

    /** What is owed on the invoices not paid, per currency. */
    private static List<ContactCard.Amount> balance(List<Invoice> invoices) {
        Map<String, BigDecimal> owed = new TreeMap<>();
        invoices.stream()
                .filter(i -> i.getStatus() != InvoiceStatus.PAID)
                .forEach(i -> owed.merge(i.getCurrency(), i.getOutstanding(), BigDecimal::add));
        return owed.entrySet().stream()
                .map(e -> new ContactCard.Amount(e.getKey(), e.getValue()))
                .toList();
    }
}
