package org.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * Two secretaries in two browsers while a guardian calls: both see who it is and where the account stands, one
 * answers, the other sees who did, and the call ends up in the log. And a user who may not see numbers never
 * receives the caller's, neither in a page nor in what is pushed to it.
 */
@ContainerTest
@Tag("browser")
class CallPagesIT {

    /**
     * Run before the page's own scripts: records every WebSocket message the page receives, so that the test can read
     * what the push channels carried.
     */
    static final String RECORD_PUSHES =
            """
            (function () {
              var Native = window.WebSocket;
              window.switchboardPushes = [];
              function Recording(url, protocols) {
                var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                socket.addEventListener('message', function (e) { window.switchboardPushes.push(String(e.data)); });
                return socket;
              }
              Recording.prototype = Native.prototype;
              ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Recording[k] = Native[k]; });
              window.WebSocket = Recording;
            })();""";

    @RegisterExtension
    final Browser first = new Browser();

    @RegisterExtension
    final Browser second = new Browser();

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;
    private String local;
    private String surname;
    private String invoice;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void aGuardianWithAnInvoice() {
        fixtures = new Fixtures(base);
        local = "5" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
        surname = "Trabelsi" + Fixtures.uniqueName("").substring(1, 5);
        String externalId = Fixtures.uniqueName("g");
        fixtures.contact(
                externalId,
                """
                {"firstName": "Amel", "lastName": "%s", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}], "groups": ["%s"]}
                """
                        .formatted(surname, local, Fixtures.uniqueName("4B")));
        invoice = Fixtures.uniqueName("INV");
        fixtures.invoice(
                invoice,
                """
                {"contact": "%s", "issueDate": "2026-09-15", "dueDate": "2026-10-15", "amount": 450.000,
                 "amountPaid": 150.000, "currency": "TND", "status": "PARTIAL"}
                """
                        .formatted(externalId));
    }

    @Test
    void twoSecretariesSeeTheCallerOneAnswersTheOtherSeesWhoAndTheCallGoesToTheLog() {
        Fixtures.Phone paired = fixtures.phone("desk");
        String amina = fixtures.user("amina", "STAFF", false);
        String karim = fixtures.user("karim", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            second.signIn(base, karim, Fixtures.PASSWORD);
            second.waitForUrlEnding("/index.xhtml");
            second.open(base, "contact/index.xhtml");
            second.waitFor(By.id("contacts:table"));

            report(phone, "c-1", "ringing", null);

            By ringing = panel("RINGING");
            for (Browser browser : List.of(first, second)) {
                browser.waitForText(ringing, "Amel " + surname);
                String panel = browser.textOnceShown(ringing);
                assertTrue(panel.contains(invoice), panel);
                assertTrue(panel.contains("300"), "the balance owed: " + panel);
            }
            first.screenshot("call-incoming");
            first.click(By.xpath(xpath("RINGING") + "//button[contains(@class, 'call-answer')]"));
            JsonObject answer = phone.await("answer");
            assertEquals("c-1", answer.getJsonObject("data").getString("call"));
            second.waitForText(panel("RINGING"), "Answered by " + amina);
            assertTrue(second.driver()
                    .findElements(By.xpath(xpath("RINGING") + "//button[contains(@class, 'call-answer')]"))
                    .isEmpty());

            Instant answeredAt = Instant.now();
            report(phone, "c-1", "active", answeredAt);
            first.waitFor(By.xpath(xpath("ACTIVE") + "//span[contains(@class, 'call-timer')]"));
            first.screenshot("call-active");
            first.click(By.xpath(xpath("ACTIVE") + "//button[contains(@class, 'call-hang-up')]"));
            assertEquals("c-1", phone.await("hang_up").getJsonObject("data").getString("call"));
            report(phone, "c-1", "ended", answeredAt.plusSeconds(65));
            first.waitForText(panel("COMPLETED"), "Duration 1:05 · handled by " + amina);
            second.waitForText(panel("COMPLETED"), "handled by " + amina);

            first.open(base, "call/index.xhtml");
            first.waitForText(By.id("log:table"), "Amel " + surname);
            String row = first.textOnceShown(By.cssSelector("#log\\:table tbody tr"));
            assertTrue(row.contains("Ended") && row.contains("1:05") && row.contains(amina), row);
            first.screenshot("call-log");

            first.click(By.cssSelector("#log\\:table tbody tr .call-back"));
            JsonObject callBack = phone.await("call");
            assertEquals("+216" + local, callBack.getJsonObject("data").getString("to"));
            assertTrue(first.consoleErrors().isEmpty(), first.consoleErrors()::toString);
        }
    }

    @Test
    void aUserWhoMayNotSeeNumbersNeverReceivesTheCallersNumber() {
        Fixtures.Phone paired = fixtures.phone("masked");
        String staff = fixtures.user("staff", "STAFF", false);
        String head = fixtures.user("head", "ADMIN", false);
        ((ChromeDriver) first.driver())
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PUSHES));
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, staff, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            second.signIn(base, head, Fixtures.PASSWORD);
            second.waitForUrlEnding("/index.xhtml");

            report(phone, "m-1", "ringing", null);
            By ringing = panel("RINGING");
            first.waitForText(ringing, "Amel " + surname);
            second.waitForText(ringing, "Amel " + surname);

            String shown = "+216 " + local.substring(0, 2) + " " + local.substring(2, 5) + " " + local.substring(5);
            assertTrue(second.textOnceShown(ringing).contains(shown), "an admin sees the number whole");
            assertTrue(first.textOnceShown(ringing).contains("+216 •• ••• " + local.substring(5)));
            assertNoNumber(first.driver().getPageSource(), "the page");
            @SuppressWarnings("unchecked")
            List<String> pushes = (List<String>)
                    ((JavascriptExecutor) first.driver()).executeScript("return window.switchboardPushes;");
            assertFalse(pushes.isEmpty(), "the pop-up came by push");
            pushes.forEach(message -> assertNoNumber(message, "a push"));

            report(phone, "m-1", "ended", null);
            first.open(base, "call/index.xhtml");
            first.waitForText(By.id("log:table"), "Amel " + surname);
            assertNoNumber(first.driver().getPageSource(), "the call log");
        }
    }

    /** This test's call in a state: other tests' calls may show too, every handler sees every call. */
    private By panel(String state) {
        return By.xpath(xpath(state));
    }

    private String xpath(String state) {
        return "//section[contains(@class, 'call-" + state + "') and contains(., '" + surname + "')]";
    }

    private void assertNoNumber(String text, String where) {
        // Shorter pieces than these could turn up by chance in view state or channel tokens.
        for (String form : List.of(local, local.substring(0, 2) + " " + local.substring(2, 5))) {
            assertFalse(text.contains(form), where + " holds the number (" + form + ")");
        }
    }

    private void report(TestPhone phone, String call, String state, Instant at) {
        String id = phone.send(
                "call_state",
                "{\"call\": \"" + call + "\", \"state\": \"" + state + "\", \"number\": \"+216" + local + "\""
                        + (at == null ? "" : ", \"at\": \"" + at + "\"") + "}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }
}
