package org.switchboard.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * From a number as a phone or a PBX reports it to the contacts that have it, with what the person answering needs:
 * groups, guardians or students, last invoice and balance. Every step follows an index: the number's E.164 form,
 * then the contacts' ids.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CallerLookup {

    // EclipseLink's hints: load these collections for all found contacts in one query each, not one per contact.
    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PhoneNumbers phoneNumbers;

    /** The contacts with this number, best known first; empty for an unknown, withheld or unreadable number. */
    public List<ContactCard> lookup(String reportedNumber) {
        return phoneNumbers.tryNormalise(reportedNumber).map(this::lookupE164).orElse(List.of());
    }

    List<ContactCard> lookupE164(String e164) {
        List<Contact> contacts = em.createQuery(
                        "select c from Contact c where c.id in"
                                + " (select p.contact.id from PhoneNumber p where p.e164 = :e164)"
                                + " order by c.lastName, c.firstName, c.id",
                        Contact.class)
                .setParameter("e164", e164)
                .setHint(BATCH, "c.numbers")
                .setHint(BATCH, "c.groups")
                .setHint(BATCH, "c.guardians")
                .setHint(BATCH, "c.students")
                .setHint(BATCH_TYPE, "IN")
                .getResultList();
        return cards(contacts);
    }

    /** The cards of these contacts, in the same order. */
    public List<ContactCard> cards(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = contacts.stream().map(Contact::getId).toList();
        Map<Long, Invoice> lastInvoices = lastInvoices(ids);
        Map<Long, List<ContactCard.Amount>> balances = balances(ids);
        return contacts.stream()
                .map(contact -> card(contact, lastInvoices.get(contact.getId()), balances.get(contact.getId())))
                .toList();
    }

    private static ContactCard card(Contact contact, Invoice lastInvoice, List<ContactCard.Amount> balance) {
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
                contact.getNumbers().stream()
                        .map(n -> new ContactCard.Number(n.getE164(), n.getLabel()))
                        .toList(),
                contact.getGroups().stream().map(ContactGroup::getName).sorted().toList(),
                relatives,
                lastInvoice == null ? null : ContactCard.InvoiceSummary.of(lastInvoice),
                balance == null ? List.of() : balance);
    }

    private static ContactCard.Relative relative(Contact other, ContactCard.Relation relation) {
        return new ContactCard.Relative(
                other.getId(), other.getExternalId(), other.getDisplayName(), other.getKind(), relation);
    }

    private Map<Long, Invoice> lastInvoices(List<Long> contactIds) {
        List<Invoice> latest = em.createQuery(
                        "select i from Invoice i where i.contact.id in :ids and i.issueDate ="
                                + " (select max(j.issueDate) from Invoice j where j.contact = i.contact)",
                        Invoice.class)
                .setParameter("ids", contactIds)
                .getResultList();
        // Two invoices issued the same day: the one created last wins.
        return latest.stream()
                .collect(
                        Collectors.toMap(i -> i.getContact().getId(), i -> i, (a, b) -> a.getId() > b.getId() ? a : b));
    }

    private Map<Long, List<ContactCard.Amount>> balances(List<Long> contactIds) {
        List<Object[]> rows = em.createQuery(
                        "select i.contact.id, i.currency, sum(i.amount - i.amountPaid) from Invoice i"
                                + " where i.contact.id in :ids and i.status <> :paid"
                                + " group by i.contact.id, i.currency order by i.currency",
                        Object[].class)
                .setParameter("ids", contactIds)
                .setParameter("paid", InvoiceStatus.PAID)
                .getResultList();
        Map<Long, List<ContactCard.Amount>> balances = new HashMap<>();
        for (Object[] row : rows) {
            BigDecimal owed = ((BigDecimal) row[2]).max(BigDecimal.ZERO);
            balances.computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                    .add(new ContactCard.Amount((String) row[1], owed));
        }
        return balances;
    }
}
