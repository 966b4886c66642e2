package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.contact.ContactImport.Outcome;
import org.switchboard.contact.ContactImport.Preview;
import org.switchboard.contact.ContactImport.Row;
import org.switchboard.contact.ContactImport.Verdict;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class ContactImportTest {

    private static final String ACTOR = "import-test";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(ContactImportTest.class, Fixtures.class);
    }

    @Inject
    private ContactImport imports;

    @Inject
    private ContactService contacts;

    @Inject
    private AuditTrail audit;

    @Inject
    private CallerLookup lookup;

    private String p;
    private String knownGroup;
    private long mobileBase;

    @BeforeEach
    void uniqueNames() {
        p = Fixtures.uniqueName("i");
        knownGroup = Fixtures.uniqueName("known");
        contacts.createGroup(ACTOR, knownGroup);
        mobileBase = 50_000_000L + (long) (Math.random() * 8_000_000);
    }

    private String mobile(int i) {
        return String.valueOf(mobileBase + i);
    }

    private String mixedFile() {
        return String.join(
                "\n",
                "external_id,first_name,last_name,kind,mobile,home,work,groups,guardians,notes",
                p + "-a,Amina,Ben Ali,GUARDIAN," + mobile(1) + ",,," + knownGroup + ",,",
                p + "-b,,,STUDENT," + mobile(2) + ",,,,,",
                p + "-c,Bad,Number,OTHER,12345,,,,,",
                p + "-d,New,Group,STAFF," + mobile(3) + ",,,Brand new " + p + ",,",
                p + "-a,Again,Amina,GUARDIAN," + mobile(4) + ",,,,,",
                p + "-e,Lina,Ben Ali,student,,,,\"" + knownGroup + "\"," + p + "-a,\"likes music, drawing\"",
                p + "-f,Orphan,Ref,STUDENT," + mobile(5) + ",,,,no-such-guardian,",
                p + "-g,Odd,Kind,ALIEN," + mobile(6) + ",,,,,");
    }

    @Test
    void thePreviewGivesEveryRowAVerdictAndAReason() {
        Preview<ContactInput> preview = imports.previewContacts(new StringReader(mixedFile()));

        Map<Integer, Row<ContactInput>> byLine = preview.rows().stream().collect(Collectors.toMap(Row::line, r -> r));
        assertEquals(Verdict.OK, byLine.get(2).verdict());
        assertReason(byLine.get(3), Verdict.ERROR, "error.contact.nameMissing");
        assertReason(byLine.get(4), Verdict.ERROR, "error.phone.invalid");
        assertEquals(List.of("12345"), byLine.get(4).problems().get(0).arguments());
        assertReason(byLine.get(5), Verdict.WARNING, "import.problem.newGroup");
        assertReason(byLine.get(6), Verdict.ERROR, "import.problem.duplicate");
        assertEquals(
                Verdict.WARNING, byLine.get(7).verdict(), "a guardian from the same file is fine; no number warns");
        assertReason(byLine.get(8), Verdict.ERROR, "error.contact.unknownGuardian");
        assertReason(byLine.get(9), Verdict.ERROR, "import.problem.kind");
        assertEquals(5, preview.count(Verdict.ERROR));
        assertTrue(contacts.findGroup("Brand new " + p).isEmpty(), "a preview creates nothing");
        assertTrue(contacts.findByExternalId(p + "-a").isEmpty());
    }

    @Test
    void aFileWithErrorsIsRefusedWholeUnlessTheValidRowsAreChosen() {
        Preview<ContactInput> preview = imports.previewContacts(new StringReader(mixedFile()));

        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> imports.importContacts(ACTOR, preview, false));
        assertEquals("import.refused.errors", refused.messageKey());
        assertTrue(contacts.findByExternalId(p + "-a").isEmpty(), "nothing partially imported");

        Outcome outcome = imports.importContacts(ACTOR, preview, true);

        assertEquals(new Outcome(3, 0, 0, 5), outcome);
        Contact student = contacts.findByExternalId(p + "-e").orElseThrow();
        assertEquals("likes music, drawing", student.getNotes());
        assertEquals(
                "likes music, drawing", lookup.cards(List.of(student)).get(0).notes());
        assertEquals(p + "-a", student.getGuardians().iterator().next().getExternalId());
        assertTrue(contacts.findGroup("Brand new " + p).isPresent());
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        imports.importContacts(ACTOR, imports.previewContacts(new StringReader(mixedFile())), true);
        long auditLines = audit.count(AuditFilter.byActor(ACTOR));

        Outcome again = imports.importContacts(ACTOR, imports.previewContacts(new StringReader(mixedFile())), true);

        assertEquals(new Outcome(0, 0, 3, 5), again);
        assertEquals(auditLines, audit.count(AuditFilter.byActor(ACTOR)));
    }

    @Test
    void semicolonsQuotesAndASpreadsheetByteOrderMarkAreRead() {
        String file = "\uFEFFexternal_id;last_name;first_name;mobile\n" + p + "-s;\"Haddad; née Sassi\";Rim;"
                + mobile(7) + "\n";

        Preview<ContactInput> preview = imports.previewContacts(new StringReader(file));
        imports.importContacts(ACTOR, preview, false);

        Contact contact = contacts.findByExternalId(p + "-s").orElseThrow();
        assertEquals("Haddad; née Sassi", contact.getLastName());
        assertEquals("+216" + mobile(7), contact.getNumbers().get(0).getE164());
    }

    @Test
    void aFileWithoutTheKeyColumnOrEmptyIsRefusedAsAWhole() {
        Preview<ContactInput> noKey = imports.previewContacts(new StringReader("name,mobile\nA," + mobile(8)));
        Preview<ContactInput> empty = imports.previewContacts(new StringReader(""));

        assertEquals("import.problem.missingColumn", noKey.fileProblems().get(0).messageKey());
        assertEquals("import.problem.empty", empty.fileProblems().get(0).messageKey());
        assertThrows(InvalidInputException.class, () -> imports.importContacts(ACTOR, noKey, true));
    }

    @Test
    void tenThousandRowsAreImported() {
        String group = Fixtures.uniqueName("big");
        StringBuilder file = new StringBuilder("external_id,first_name,last_name,kind,mobile,groups\n");
        for (int i = 0; i < 10_000; i++) {
            file.append(p)
                    .append("-big-")
                    .append(i)
                    .append(",Student,Number ")
                    .append(i)
                    .append(",STUDENT,")
                    .append(mobile(100 + i))
                    .append(',')
                    .append(group)
                    .append('\n');
        }

        Preview<ContactInput> preview = imports.previewContacts(new StringReader(file.toString()));
        assertEquals(10_000, preview.count(Verdict.WARNING), "each row warns that the group is new");
        Outcome outcome = imports.importContacts(ACTOR, preview, false);

        assertEquals(new Outcome(10_000, 0, 0, 0), outcome);
        long groupId = contacts.findGroup(group).orElseThrow().getId();
        assertEquals(10_000, contacts.count(new ContactQuery(null, groupId)));
        assertEquals(1, lookup.lookup("+216" + mobile(100 + 9_999)).size());
    }

    @Test
    void invoicesArePreviewedAndImportedByNumber() {
        imports.importContacts(ACTOR, imports.previewContacts(new StringReader(mixedFile())), true);
        String file = String.join(
                "\n",
                "number,contact,issue_date,due_date,amount,amount_paid,currency,status",
                p + "-1," + p + "-a,2026-10-01,2026-10-31,300,100,TND,PARTIAL",
                p + "-2,nobody,2026-10-01,,300,,TND,UNPAID",
                p + "-3," + p + "-a,01/10/2026,,300,,TND,UNPAID",
                p + "-4," + p + "-a,2026-11-01,,300,,TND,SOMEDAY",
                p + "-1," + p + "-a,2026-10-01,,1,,TND,PAID");

        Preview<InvoiceInput> preview = imports.previewInvoices(new StringReader(file));

        List<Verdict> verdicts = preview.rows().stream().map(Row::verdict).toList();
        assertEquals(List.of(Verdict.OK, Verdict.ERROR, Verdict.ERROR, Verdict.ERROR, Verdict.ERROR), verdicts);
        assertEquals(new Outcome(1, 0, 0, 4), imports.importInvoices(ACTOR, preview, true));
        assertEquals(
                new Outcome(0, 0, 1, 4),
                imports.importInvoices(ACTOR, imports.previewInvoices(new StringReader(file)), true));
        assertFalse(lookup.lookup(mobile(1)).get(0).balance().isEmpty());
    }

    private static void assertReason(Row<ContactInput> row, Verdict verdict, String messageKey) {
        assertEquals(verdict, row.verdict(), row.toString());
        assertTrue(
                row.problems().stream().anyMatch(problem -> problem.messageKey().equals(messageKey)), row.toString());
    }
}
