package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** The contacts and groups pages at a browser, for a user who may see numbers and one who may not. */
@ContainerTest
@Tag("browser")
class ContactPagesIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;
    private String mobile;
    private String surname;
    private String group;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void aGuardianWithAnInvoice() {
        fixtures = new Fixtures(base);
        mobile = "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
        surname = "Ayari" + Fixtures.uniqueName("").substring(1, 5);
        group = Fixtures.uniqueName("3A");
        fixtures.contact(
                Fixtures.uniqueName("g"),
                """
                {"firstName": "Mounir", "lastName": "%s", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}], "groups": ["%s"]}
                """
                        .formatted(surname, mobile, group));
    }

    @Test
    @DisplayName("direction controls in a name are not stored, and names and notes are isolated on the page")
    void directionControlsCannotDisguiseANameOrBleedIntoTheNextField() throws Exception {
        String disguised = Fixtures.uniqueName("Cover");
        String number = "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
        fixtures.contact(
                Fixtures.uniqueName("s"),
                """
                {"firstName": "Ali\u202Egnp.exe", "lastName": "%s\u2067", "notes": "\u202Bملاحظة\u202C ok",
                 "numbers": [{"number": "%s", "label": "MOBILE"}]}
                """
                        .formatted(disguised, number));

        HttpResponse<String> stored = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(base.toString()).resolve("api/v1/contacts/by-phone/" + number))
                                .header("Authorization", "Bearer " + fixtures.apiKey())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertTrue(stored.body().contains("\"name\":\"Alignp.exe " + disguised + "\""), stored.body());

        browser.signIn(base, fixtures.user("isolate", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/index.xhtml");
        browser.waitFor(By.id("contacts:text")).sendKeys(disguised);
        browser.driver().findElement(By.id("contacts:search")).click();
        browser.waitForAjax();

        WebElement name = browser.waitFor(By.cssSelector("#contacts\\:table tbody bdi > a"));
        assertEquals("Alignp.exe " + disguised, name.getText());
        name.click();
        browser.waitForText(By.id("card-name"), "Alignp.exe " + disguised);
        assertEquals("auto", browser.driver().findElement(By.id("card-name")).getAttribute("dir"));
        WebElement notes = browser.driver().findElement(By.id("card-notes"));
        assertEquals("auto", notes.getAttribute("dir"));
        assertEquals("ملاحظة ok", notes.getText());
    }

    @Test
    @DisplayName("a number typed in another format finds the contact, whose card shows the number masked")
    void searchByNumberAndMaskedCard() {
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/index.xhtml");

        browser.waitFor(By.id("contacts:text")).sendKeys("00216 " + mobile.substring(0, 2) + " " + mobile.substring(2));
        browser.driver().findElement(By.id("contacts:search")).click();
        browser.waitForAjax();

        WebElement table = browser.waitFor(By.id("contacts:table"));
        assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size(), table.getText());
        String masked = "+216 •• ••• " + mobile.substring(5);
        assertTrue(table.getText().contains(masked), table.getText());
        assertFalse(table.getText().contains(mobile.substring(0, 5)), "no more than the last digits show");

        table.findElement(By.linkText("Mounir " + surname)).click();
        browser.waitForText(By.id("card-name"), "Mounir " + surname);
        assertTrue(browser.waitFor(By.id("card-numbers")).getText().contains(masked));
        assertTrue(browser.driver().findElements(By.id("cardForm:reveal")).isEmpty(), "staff may not reveal");
        browser.screenshot("contact-card-masked");
    }

    @Test
    @DisplayName("a user allowed to see numbers reveals them, and the audit trail records it")
    void revealIsAudited() {
        browser.signIn(base, fixtures.user("head", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/index.xhtml");
        browser.waitFor(By.id("contacts:text")).sendKeys(surname.toLowerCase());
        browser.driver().findElement(By.id("contacts:search")).click();
        browser.waitForAjax();
        browser.waitFor(By.linkText("Mounir " + surname)).click();
        browser.waitForText(By.id("card-name"), "Mounir " + surname);

        browser.waitFor(By.id("cardForm:reveal")).click();

        String shown = "+216 " + mobile.substring(0, 2) + " " + mobile.substring(2, 5) + " " + mobile.substring(5);
        browser.waitForText(By.id("card-numbers"), shown);
        browser.open(base, "admin/audit.xhtml");
        browser.waitFor(By.id("audit:target"));
        browser.driver().findElement(By.id("audit:actor")).sendKeys("head-");
        browser.driver().findElement(By.id("audit:apply")).click();
        browser.waitForAjax();
        browser.waitForText(By.id("audit:table"), "Numbers shown");
    }

    @Test
    @DisplayName("a group is created, given a member found by name, and the member removed")
    void groupMembership() {
        browser.signIn(base, fixtures.user("organiser", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/groups.xhtml");
        String group = Fixtures.uniqueName("Choir");

        browser.waitFor(By.id("groups:newName")).sendKeys(group);
        browser.driver().findElement(By.id("groups:create")).click();
        browser.waitForAjax();
        browser.waitFor(By.id("groups:candidate_input"))
                .sendKeys(surname.substring(0, 4).toLowerCase() + surname.substring(4));
        browser.waitFor(By.cssSelector("#groups\\:candidate_panel li")).click();
        browser.driver().findElement(By.id("groups:add")).click();
        browser.waitForAjax();

        browser.waitForText(By.id("groups:members"), "Mounir " + surname);
        browser.waitForText(By.id("groups:table"), group);
        browser.driver().findElement(By.cssSelector("[id$=':remove']")).click();
        browser.waitForAjax();
        browser.waitForText(By.id("groups:members"), "Nothing to show.");
    }

    @Test
    @DisplayName("a CSV file is checked row by row, then its valid rows imported")
    void importChecksThenImports() throws Exception {
        browser.signIn(base, fixtures.user("clerk", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        String id = Fixtures.uniqueName("csv");
        Path csv = Files.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "contacts-", ".csv");
        Files.writeString(
                csv,
                String.join(
                        "\n",
                        "external_id,first_name,last_name,kind,mobile,groups",
                        id + ",Hela,Mansour,GUARDIAN," + mobile.substring(0, 7) + (mobile.charAt(7) == '9' ? "0" : "9")
                                + ",",
                        id + "-bad,No,Phone,GUARDIAN,12345,"));
        browser.open(base, "contact/import.xhtml");

        browser.waitFor(By.cssSelector("#import input[type=file]"))
                .sendKeys(csv.toAbsolutePath().toString());
        browser.driver().findElement(By.id("import:preview")).click();

        browser.waitForText(By.id("result:rows"), "12345 is not a valid phone number.");
        assertTrue(browser.waitFor(By.id("summary")).getText().contains("1 ok"));
        assertTrue(browser.driver()
                .findElement(By.id("result:importAll"))
                .getAttribute("class")
                .contains("ui-state-disabled"));
        browser.screenshot("import-preview");
        browser.driver().findElement(By.id("result:importValid")).click();

        browser.waitForText(By.id("messages"), "Imported: 1 new, 0 updated, 0 unchanged, 1 left out.");
    }

    @Test
    @DisplayName("staff who may not see numbers edit a contact from its card; its number stays masked and is kept")
    void editFromTheCard() {
        String otherGroup = Fixtures.uniqueName("Bus");
        fixtures.contact(
                Fixtures.uniqueName("g"), "{\"lastName\": \"Driver\", \"groups\": [\"%s\"]}".formatted(otherGroup));
        String added = otherNumber();
        String secretary = fixtures.user("secretary", "STAFF", false);
        browser.signIn(base, secretary, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        openCard();

        browser.click(By.id("cardForm:edit"));
        browser.waitForUrlEnding("/contact/new.xhtml");
        assertEquals(masked(mobile), browser.textOnceShown(By.id("contact:numbers:0:known")));
        assertFalse(browser.driver().getPageSource().contains(mobile.substring(0, 5)), "the form holds the number");
        WebElement firstName = browser.waitFor(By.id("contact:firstName"));
        firstName.clear();
        firstName.sendKeys("Mourad");
        choose("contact:numbers:0:label", "HOME");
        browser.click(By.id("contact:addNumber"));
        browser.waitFor(By.id("contact:numbers:1:typed")).sendKeys(added);
        browser.click(By.id("contact:groups"));
        browser.waitForAnimations();
        browser.click(By.xpath("//div[@id='contact:groups_panel']//li[.//label[text()='" + otherGroup
                + "']]//div[contains(@class, 'ui-chkbox-box')]"));
        browser.click(By.cssSelector("[id='contact:groups_panel'] .ui-selectcheckboxmenu-close"));
        browser.waitForAnimations();
        browser.screenshot("contact-edit");
        browser.click(By.id("contact:save"));

        browser.waitForText(By.id("card-name"), "Mourad " + surname);
        String numbers = browser.waitFor(By.id("card-numbers")).getText();
        assertTrue(numbers.contains(masked(mobile) + " home"), numbers);
        assertTrue(numbers.contains(masked(added) + " mobile"), numbers);
        String groups = browser.waitFor(By.id("card-groups")).getText();
        assertTrue(groups.contains(group) && groups.contains(otherGroup), groups);
        assertTrue(fixtures.audit("CONTACT_UPDATED", secretary).contains("SUCCESS"));
    }

    @Test
    @DisplayName("a contact is deleted from its card after a confirmation; a deleted group leaves its members")
    void deleteContactAndGroup() {
        String secretary = fixtures.user("secretary", "STAFF", false);
        browser.signIn(base, secretary, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/groups.xhtml");
        browser.click(By.linkText(group));
        browser.waitForText(By.id("groups:members"), "Mounir " + surname);
        browser.click(By.id("groups:delete"));
        browser.waitFor(By.id("groups:yes")).click();
        browser.waitForAjax();
        browser.waitForTextGone(By.id("groups:table"), group);

        openCard();
        assertTrue(browser.driver().findElements(By.id("card-groups")).isEmpty(), "the member left the group");
        browser.click(By.id("cardForm:delete"));
        browser.waitFor(By.id("confirm:yes")).click();

        browser.waitForText(By.id("messages"), "Contact Mounir " + surname + " deleted.");
        browser.waitForText(By.id("contacts:table"), "Nothing to show.");
        assertTrue(fixtures.audit("CONTACT_DELETED", secretary).contains("Mounir " + surname));
        assertTrue(fixtures.audit("GROUP_DELETED", secretary).contains(group));
    }

    @Test
    @DisplayName("a new contact with a number already in the directory is merged into the contact that has it")
    void duplicateNumberIsMerged() {
        String secretary = fixtures.user("secretary", "STAFF", false);
        browser.signIn(base, secretary, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/new.xhtml");

        browser.waitFor(By.id("contact:firstName")).sendKeys("Mounir");
        browser.driver().findElement(By.id("contact:lastName")).sendKeys(surname);
        browser.driver().findElement(By.id("contact:numbers:0:typed")).sendKeys("+216 " + mobile);
        browser.driver().findElement(By.id("contact:notes")).sendKeys("Works nights");
        browser.click(By.id("contact:save"));

        browser.waitForText(By.id("contact:duplicateWarning"), "This number is already Mounir " + surname + "'s.");
        browser.click(By.id("contact:merge"));

        browser.waitForText(By.id("card-name"), "Mounir " + surname);
        browser.waitForText(By.id("card-notes"), "Works nights");
        searchFor(mobile);
        WebElement table = browser.waitFor(By.id("contacts:table"));
        assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size(), table.getText());
        assertTrue(fixtures.audit("CONTACT_MERGED", secretary).contains("SUCCESS"));
    }

    @Test
    @DisplayName("a guardian's students are chosen by name on the form and shown on both cards")
    void studentsChosenByName() {
        String student = "Yassine" + Fixtures.uniqueName("").substring(1, 5);
        fixtures.contact(
                Fixtures.uniqueName("s"),
                "{\"firstName\": \"%s\", \"lastName\": \"%s\", \"kind\": \"STUDENT\"}".formatted(student, surname));
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        openCard();
        browser.click(By.id("cardForm:edit"));

        browser.waitFor(By.id("contact:student_input")).sendKeys(student);
        browser.waitFor(By.cssSelector("#contact\\:student_panel li")).click();
        browser.waitForText(By.id("students"), student + " " + surname);
        browser.click(By.id("contact:save"));

        browser.waitForText(By.id("card-relatives"), student + " " + surname + " student");
        searchFor(student);
        browser.waitFor(By.linkText(student + " " + surname)).click();
        browser.waitForText(By.id("card-relatives"), "Mounir " + surname + " guardian");
    }

    @Test
    @DisplayName("the sender of an SMS from an unknown number is filed as a contact from the inbox, number unseen")
    void contactCreatedFromTheInbox() {
        String stranger = otherNumber();
        String family = "Sender" + Fixtures.uniqueName("").substring(1, 5);
        Fixtures.Phone paired = fixtures.phone("inbox-contact");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String id = phone.send("sms_received", "{\"from\": \"+216" + stranger + "\", \"text\": \"Qui est-ce ?\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
        }
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "sms/inbox.xhtml");
        browser.click(By.xpath("//a[.//bdi[text()='" + masked(stranger) + "']]"));
        browser.waitForText(By.id("inbox:conversation"), "Qui est-ce ?");

        browser.click(By.id("inbox:createContact"));
        browser.waitForUrlEnding("/contact/new.xhtml");
        assertFalse(browser.driver().getCurrentUrl().contains(stranger.substring(2)), "the address holds no number");
        assertEquals(masked(stranger), browser.textOnceShown(By.id("contact:numbers:0:known")));
        assertFalse(browser.driver().getPageSource().contains(stranger.substring(0, 5)), "the form holds the number");
        browser.waitFor(By.id("contact:lastName")).sendKeys(family);
        browser.click(By.id("contact:save"));

        browser.waitForText(By.id("card-name"), family);
        assertTrue(browser.waitFor(By.id("card-numbers")).getText().contains(masked(stranger)));
        browser.open(base, "sms/inbox.xhtml");
        browser.waitForText(By.id("inbox:threads"), family);
    }

    @Test
    @DisplayName(
            "an invoice is added on the card, changed when paid, then deleted; its amounts have the euro's two decimals")
    void invoicesOnTheCard() {
        String number = Fixtures.uniqueName("F");
        browser.signIn(base, fixtures.user("bursar", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        openCard();

        browser.waitFor(By.id("cardForm:invoiceNumber")).sendKeys(number);
        browser.driver().findElement(By.id("cardForm:amount")).sendKeys("250.5");
        browser.driver().findElement(By.id("cardForm:currency")).sendKeys("EUR");
        browser.click(By.id("cardForm:saveInvoice"));

        browser.waitForText(
                By.id("card-invoice"), "Last invoice " + number + " of " + LocalDate.now() + ": 250.50 EUR, unpaid.");
        browser.waitForText(By.id("card-balance"), "Owes 250.50 EUR.");
        browser.waitForText(By.id("cardForm:invoices"), "0.00 / 250.50 EUR");
        browser.click(By.id("cardForm:invoices:0:editInvoice"));
        browser.waitForAjax();
        assertEquals("250.50", browser.attribute(By.id("cardForm:amount"), "value"));
        WebElement paid = browser.waitFor(By.id("cardForm:amountPaid"));
        paid.clear();
        paid.sendKeys("250.5");
        choose("cardForm:status", "PAID");
        browser.click(By.id("cardForm:saveInvoice"));
        browser.waitForText(By.id("card-balance"), "Nothing owed.");
        browser.waitForText(By.id("cardForm:invoices"), "250.50 / 250.50 EUR");

        browser.click(By.id("cardForm:invoices:0:deleteInvoice"));
        browser.waitFor(By.id("confirm:yes")).click();
        browser.waitForText(By.id("card-invoice"), "No invoice.");
        assertTrue(fixtures.audit("INVOICE_DELETED").contains(number));
    }

    @Test
    @DisplayName("a viewer sees groups but no controls to change them")
    void viewerOnlyLooks() {
        browser.signIn(base, fixtures.user("reader", "VIEWER", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/groups.xhtml");

        browser.waitForText(By.id("groups:table"), group);
        browser.driver().findElement(By.linkText(group)).click();
        browser.waitForAjax();

        browser.waitForText(By.id("groups:members"), "Mounir " + surname);
        assertTrue(browser.driver().findElements(By.id("groups:create")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("groups:delete")).isEmpty());
        assertTrue(browser.driver().findElements(By.id("groups:add")).isEmpty());
        assertTrue(
                browser.driver().findElements(By.cssSelector("[id$=':remove']")).isEmpty());
    }

    private void openCard() {
        searchFor(surname.toLowerCase());
        browser.waitFor(By.linkText("Mounir " + surname)).click();
        browser.waitForText(By.id("card-name"), "Mounir " + surname);
    }

    private void searchFor(String text) {
        browser.open(base, "contact/index.xhtml");
        browser.waitFor(By.id("contacts:text")).sendKeys(text);
        browser.driver().findElement(By.id("contacts:search")).click();
        browser.waitForAjax();
    }

    /** Picks an option of a PrimeFaces select menu through its widget, as a click on the option does. */
    private void choose(String menuId, String value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("PrimeFaces.getWidgetById(arguments[0]).selectValue(arguments[1]);", menuId, value);
    }

    private String otherNumber() {
        String other;
        do {
            other = "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
        } while (other.equals(mobile));
        return other;
    }

    private static String masked(String number) {
        return "+216 •• ••• " + number.substring(5);
    }
}
