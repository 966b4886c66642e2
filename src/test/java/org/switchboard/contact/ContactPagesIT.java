package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

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
        browser.waitForText(By.id("audit:table"), "NUMBER_REVEALED");
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
        assertTrue(browser.driver().findElements(By.id("groups:add")).isEmpty());
        assertTrue(
                browser.driver().findElements(By.cssSelector("[id$=':remove']")).isEmpty());
    }
}
