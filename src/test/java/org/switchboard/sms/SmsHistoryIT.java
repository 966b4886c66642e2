package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/** The history filtered and searched in the page, and exported as CSV with the same criteria. */
@ContainerTest
@Tag("browser")
class SmsHistoryIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void theHistoryIsSearchedFilteredAndExportedWithTheSameCriteria() {
        Fixtures fixtures = new Fixtures(base);
        String word = Fixtures.uniqueName("kermesse").replace('-', 'x');
        // Queued for a phone that never connects: in the database the PostgreSQL pass shares, a message queued for any
        // phone would go to the next test's phone.
        long parked = fixtures.phone("parked").id();
        List<Long> campaign = fixtures.sms(parked, "La " + word + " aura lieu samedi", "+21650400001", "+21650400002");
        fixtures.sms(parked, "=cmd|' /C calc'!A0 " + word.toUpperCase(), "+21650400003");
        String other = Fixtures.uniqueName("Autre sujet");
        fixtures.sms(parked, other, "+21650400004");
        long campaignId = Long.parseLong(fixtures.campaign(campaign.get(0), "id"));

        browser.signIn(base, fixtures.user("archivist", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "sms/history.xhtml");
        browser.waitForText(By.id("history:table"), other);
        browser.waitFor(By.id("history:search")).sendKeys(word);
        browser.click(By.id("history:apply"));
        browser.waitForTextGone(By.id("history:table"), other);
        String table = browser.textOnceShown(By.id("history:table"));
        assertTrue(table.contains("La " + word + " aura lieu samedi"), table);
        assertTrue(table.contains(word.toUpperCase()), "the search ignores case: " + table);

        String csv = fetch(browser.attribute(By.id("history:export"), "href"));
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(
                lines.get(0)
                        .endsWith("id,created_at,created_by,recipient,contact,text,parts,encoding,state,phone,sim,"
                                + "dispatched_at,sent_at,delivered_at,failure_reason,campaign"),
                lines.get(0));
        assertTrue(
                csv.contains("+216 50 400 001") && csv.contains("+216 50 400 002"), "an admin exports whole numbers");
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0 "), "a formula is exported as text: " + csv);
        assertFalse(csv.contains(other));

        String today = LocalDate.now().toString();
        assertRows(3, "?q=" + word + "&campaign=" + campaignId);
        assertRows(4, "?q=" + word + "&state=queued");
        assertRows(4, "?q=" + word + "&sender=fixture");
        assertRows(4, "?q=" + word + "&from=" + today + "&until=" + today);
        assertRows(
                3,
                "?campaign=" + campaignId + "&q=" + word + "&state=queued&sender=fixture&from=" + today + "&until="
                        + today);
        assertRows(1, "?q=" + word + "&state=delivered");
        assertRows(1, "?q=" + word + "&until=" + LocalDate.now().minusDays(1));
        assertRows(1, "?q=" + word + "&sender=nobody");
        assertTrue(fixtures.audit("SMS_HISTORY_EXPORTED").contains("2 message(s)"));

        browser.open(base, "sms/history.xhtml?campaign=" + campaignId);
        browser.waitForText(By.id("history:table"), "+216 50 400 002");
        assertFalse(browser.textOnceShown(By.id("history:table")).contains(word.toUpperCase()));
    }

    /** The export with these criteria has this many lines, the header included; asked with the browser's session. */
    private void assertRows(int lines, String query) {
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "sms/history.csv" + query))
                                    .header("Cookie", "JSESSIONID=" + session.getValue())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(
                    200, response.statusCode(), query + " " + response.headers().map() + " " + response.body());
            assertEquals(lines, response.body().lines().count(), query + ":\n" + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the signed-in browser gets at this address (a download, so it is fetched from the page). */
    private String fetch(String url) {
        return (String) ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + " fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));",
                        url);
    }
}
