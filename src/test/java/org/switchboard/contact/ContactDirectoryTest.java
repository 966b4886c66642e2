package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.contact.ContactInput.NumberInput;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class ContactDirectoryTest {

    private static final String ACTOR = "directory-test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(ContactDirectoryTest.class, Fixtures.class);
    }

    @Inject
    private ContactService contacts;

    @Inject
    private CallerLookup lookup;

    @Inject
    private AuditTrail audit;

    /** A Tunisian mobile number no other test uses: 5 then 7 random digits. */
    private static String uniqueMobile() {
        return "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
    }

    private Contact save(
            String externalId,
            String first,
            String last,
            ContactKind kind,
            List<String> numbers,
            List<String> groups,
            List<String> guardians) {
        List<NumberInput> inputs = numbers.stream()
                .map(n -> new NumberInput(n, NumberLabel.MOBILE))
                .toList();
        return contacts.save(ACTOR, externalId, new ContactInput(first, last, kind, null, inputs, groups, guardians))
                .contact();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void aContactIsFoundByEachOfItsNumbersInAnyFormat(int format) {
        String mobile = uniqueMobile();
        String home = "71" + mobile.substring(2);
        Contact saved = save(
                Fixtures.uniqueName("s"),
                "Amina",
                "Ben Ali",
                ContactKind.GUARDIAN,
                List.of(mobile, "+216 " + home),
                List.of(),
                List.of());
        String[] asReported = {
            mobile,
            "+216" + mobile,
            "00216" + mobile,
            mobile.substring(0, 2) + " " + mobile.substring(2, 5) + " " + mobile.substring(5)
        };

        List<ContactCard> byMobile = lookup.lookup(asReported[format]);
        List<ContactCard> byHome = lookup.lookup("00216 " + home);

        assertEquals(
                List.of(saved.getId()), byMobile.stream().map(ContactCard::id).toList());
        assertEquals(
                List.of(saved.getId()), byHome.stream().map(ContactCard::id).toList());
        assertEquals("Amina Ben Ali", byMobile.get(0).name());
    }

    @Test
    void siblingsSharingAGuardiansNumberAreBothFound() {
        String shared = uniqueMobile();
        Contact first = save(
                Fixtures.uniqueName("a"),
                "Youssef",
                "Trabelsi",
                ContactKind.STUDENT,
                List.of(shared),
                List.of(),
                List.of());
        Contact second = save(
                Fixtures.uniqueName("b"),
                "Salma",
                "Trabelsi",
                ContactKind.STUDENT,
                List.of(shared),
                List.of(),
                List.of());

        Set<Long> found = lookup.lookup(shared).stream().map(ContactCard::id).collect(Collectors.toSet());

        assertEquals(Set.of(first.getId(), second.getId()), found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"50000001", "Unknown", "", "+33 1 00 00 00 00"})
    void anUnknownOrUnreadableNumberFindsNobody(String number) {
        assertTrue(lookup.lookup(number).isEmpty());
    }

    @Test
    void theCardHasGroupsRelativesLastInvoiceAndBalance() {
        String guardianId = Fixtures.uniqueName("g");
        String group = Fixtures.uniqueName("3A");
        String mobile = uniqueMobile();
        save(guardianId, "Karim", "Haddad", ContactKind.GUARDIAN, List.of(mobile), List.of("All guardians"), List.of());
        Contact student = save(
                Fixtures.uniqueName("st"),
                "Lina",
                "Haddad",
                ContactKind.STUDENT,
                List.of(),
                List.of(group),
                List.of(guardianId));
        contacts.saveInvoice(
                ACTOR,
                Fixtures.uniqueName("INV"),
                invoice(guardianId, "2026-09-01", "300", "300", "TND", InvoiceStatus.PAID));
        contacts.saveInvoice(
                ACTOR,
                Fixtures.uniqueName("INV"),
                invoice(guardianId, "2026-10-01", "300", "100", "TND", InvoiceStatus.PARTIAL));
        String lastNumber = Fixtures.uniqueName("INV");
        contacts.saveInvoice(
                ACTOR, lastNumber, invoice(guardianId, "2026-11-01", "250.500", "0", "TND", InvoiceStatus.UNPAID));
        contacts.saveInvoice(
                ACTOR,
                Fixtures.uniqueName("INV"),
                invoice(guardianId, "2026-06-01", "40", "0", "EUR", InvoiceStatus.OVERDUE));

        ContactCard card = lookup.lookup(mobile).get(0);

        assertEquals(List.of("All guardians"), card.groups());
        assertEquals(1, card.relatives().size());
        assertEquals(student.getId(), card.relatives().get(0).id());
        assertEquals(ContactCard.Relation.STUDENT, card.relatives().get(0).relation());
        assertEquals(lastNumber, card.lastInvoice().number());
        assertEquals(
                List.of(
                        new ContactCard.Amount("EUR", new BigDecimal("40.000")),
                        new ContactCard.Amount("TND", new BigDecimal("450.500"))),
                card.balance());
        ContactCard studentCard = lookup.cards(
                        List.of(contacts.find(student.getId()).orElseThrow()))
                .get(0);
        assertEquals(
                ContactCard.Relation.GUARDIAN, studentCard.relatives().get(0).relation());
        assertEquals(List.of(group), studentCard.groups());
        assertNull(studentCard.lastInvoice());
        assertTrue(studentCard.balance().isEmpty());
    }

    @Test
    void savingTheSameContactTwiceChangesNothing() {
        String id = Fixtures.uniqueName("same");
        String mobile = uniqueMobile();
        Contact first = save(id, "Nour", "Jaziri", ContactKind.STAFF, List.of(mobile), List.of("Teachers"), List.of());
        long numberId = first.getNumbers().get(0).getId();

        Contact again =
                save(id, "Nour", "Jaziri", ContactKind.STAFF, List.of("+216" + mobile), List.of("Teachers"), List.of());

        assertEquals(first.getId(), again.getId());
        assertEquals(1, again.getNumbers().size());
        assertEquals(numberId, again.getNumbers().get(0).getId());
        assertEquals(first.getUpdatedAt(), again.getUpdatedAt());
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ACTOR).withAction("CONTACT_CREATED").withTarget(id)));
        assertEquals(
                0,
                audit.count(
                        AuditFilter.byActor(ACTOR).withAction("CONTACT_UPDATED").withTarget(id)));

        save(id, "Nour", "Jaziri", ContactKind.STAFF, List.of(mobile), List.of("Teachers", "Sports"), List.of());

        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ACTOR).withAction("CONTACT_UPDATED").withTarget(id)));
    }

    @Test
    void anInvalidNumberIsRefusedNamingItAndNothingIsSaved() {
        String id = Fixtures.uniqueName("bad");

        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> save(id, "Bad", "Number", ContactKind.OTHER, List.of("12345"), List.of(), List.of()));

        assertEquals("error.phone.invalid", e.messageKey());
        assertEquals("12345", e.arguments()[0]);
        assertTrue(contacts.findByExternalId(id).isEmpty());
    }

    @Test
    void aContactNeedsANameAndKnownGuardians() {
        assertEquals(
                "error.contact.nameMissing",
                assertThrows(
                                InvalidInputException.class,
                                () -> save(
                                        Fixtures.uniqueName("x"),
                                        " ",
                                        "",
                                        ContactKind.OTHER,
                                        List.of(),
                                        List.of(),
                                        List.of()))
                        .messageKey());
        assertEquals(
                "error.contact.unknownGuardian",
                assertThrows(
                                InvalidInputException.class,
                                () -> save(
                                        Fixtures.uniqueName("x"),
                                        "A",
                                        "B",
                                        ContactKind.STUDENT,
                                        List.of(),
                                        List.of(),
                                        List.of("no-such-guardian")))
                        .messageKey());
    }

    @Test
    void searchFindsByAccentlessNameByAnyPartOfANumberAndByGroup() {
        String group = Fixtures.uniqueName("class");
        String mobile = uniqueMobile();
        String surname = "Émir" + Fixtures.uniqueName("x").substring(2);
        Contact contact = save(
                Fixtures.uniqueName("q"),
                "Hédi",
                surname,
                ContactKind.STUDENT,
                List.of(mobile),
                List.of(group),
                List.of());
        long groupId = contacts.findGroup(group).orElseThrow().getId();

        assertEquals(
                List.of(contact.getId()),
                ids(new ContactQuery("hedi " + surname.toLowerCase().replace("é", "e"), null)));
        assertEquals(List.of(contact.getId()), ids(new ContactQuery("00216 " + mobile, null)));
        assertEquals(List.of(contact.getId()), ids(new ContactQuery(mobile.substring(2), null)));
        assertEquals(List.of(contact.getId()), ids(new ContactQuery(null, groupId)));
        assertEquals(1, contacts.count(new ContactQuery(null, groupId)));
        assertTrue(ids(new ContactQuery("zzzz-nobody", null)).isEmpty());
    }

    @Test
    void groupsAreCreatedRenamedAndTheirMembersManaged() {
        String name = Fixtures.uniqueName("Teachers");
        ContactGroup group = contacts.createGroup(ACTOR, name);
        Contact member =
                save(Fixtures.uniqueName("m"), "Sami", "Gharbi", ContactKind.STAFF, List.of(), List.of(), List.of());

        contacts.addMember(ACTOR, group.getId(), member.getId());
        assertEquals(
                List.of(member.getId()),
                contacts.members(group.getId(), 0, 10).stream()
                        .map(Contact::getId)
                        .toList());
        assertEquals(1L, contacts.memberCounts().get(group.getId()));

        contacts.renameGroup(ACTOR, group.getId(), name + " (2026)");
        assertEquals(
                name + " (2026)",
                contacts.findGroup(name + " (2026)").orElseThrow().getName());
        assertEquals(
                "error.group.exists",
                assertThrows(
                                InvalidInputException.class,
                                () -> contacts.createGroup(ACTOR, name.toUpperCase() + " (2026)"))
                        .messageKey());

        contacts.removeMember(ACTOR, group.getId(), member.getId());
        assertTrue(contacts.members(group.getId(), 0, 10).isEmpty());
        assertFalse(audit.find(AuditFilter.byActor(ACTOR).withAction("GROUP_MEMBER_REMOVED"), 0, 1)
                .isEmpty());
    }

    @Test
    void invoicesAreCheckedAndReplacedByNumber() {
        String guardian = Fixtures.uniqueName("payer");
        save(guardian, "Rim", "Sassi", ContactKind.GUARDIAN, List.of(), List.of(), List.of());
        String number = Fixtures.uniqueName("INV");

        contacts.saveInvoice(ACTOR, number, invoice(guardian, "2026-10-01", "100", "0", "tnd", InvoiceStatus.UNPAID));
        Invoice replaced = contacts.saveInvoice(
                        ACTOR, number, invoice(guardian, "2026-10-01", "100", "100", "TND", InvoiceStatus.PAID))
                .invoice();

        assertEquals(InvoiceStatus.PAID, replaced.getStatus());
        assertEquals("TND", replaced.getCurrency());
        assertEquals(0, replaced.getOutstanding().signum());
        assertEquals(
                "error.invoice.unknownContact",
                assertThrows(
                                InvalidInputException.class,
                                () -> contacts.saveInvoice(
                                        ACTOR,
                                        "X-1",
                                        invoice("nobody", "2026-10-01", "1", "0", "TND", InvoiceStatus.UNPAID)))
                        .messageKey());
        assertEquals(
                "amount",
                assertThrows(
                                InvalidInputException.class,
                                () -> contacts.saveInvoice(
                                        ACTOR,
                                        "X-2",
                                        invoice(guardian, "2026-10-01", "-5", "0", "TND", InvoiceStatus.UNPAID)))
                        .field());
        assertEquals(
                "currency",
                assertThrows(
                                InvalidInputException.class,
                                () -> contacts.saveInvoice(
                                        ACTOR,
                                        "X-3",
                                        invoice(guardian, "2026-10-01", "5", "0", "dinar", InvoiceStatus.UNPAID)))
                        .field());
        assertEquals(
                "dueDate",
                assertThrows(
                                InvalidInputException.class,
                                () -> contacts.saveInvoice(
                                        ACTOR,
                                        "X-4",
                                        new InvoiceInput(
                                                guardian,
                                                LocalDate.parse("2026-10-01"),
                                                LocalDate.parse("2026-09-01"),
                                                BigDecimal.ONE,
                                                null,
                                                "TND",
                                                InvoiceStatus.UNPAID)))
                        .field());
    }

    private List<Long> ids(ContactQuery query) {
        return contacts.search(query, 0, 50).stream().map(Contact::getId).toList();
    }

    private static InvoiceInput invoice(
            String contact, String issued, String amount, String paid, String currency, InvoiceStatus status) {
        LocalDate issueDate = LocalDate.parse(issued);
        return new InvoiceInput(
                contact,
                issueDate,
                issueDate.plusDays(30),
                new BigDecimal(amount),
                new BigDecimal(paid),
                currency,
                status);
    }
}
