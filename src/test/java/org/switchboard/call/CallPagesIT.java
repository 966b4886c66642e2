package org.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * Two secretaries in two browsers while a guardian calls: both see who it is and where the account stands, one
 * answers, the other sees who did and takes the call over, and the call ends up in the log. And a user who may not see numbers never
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

    /**
     * Run before the page's own scripts: the calls channel's socket is made only when the test calls {@code
     * switchboardOpenCallsSocket()}, as for a page still loading or a socket reconnecting. Until then the page holds a
     * stand-in that takes the handlers Faces gives it and passes them the real socket's events afterwards.
     */
    static final String HOLD_CALLS_SOCKET =
            """
            (function () {
              var Native = window.WebSocket;
              var held = [];
              window.switchboardOpenCallsSocket = function () { held.splice(0).forEach(function (open) { open(); }); };
              function Holding(url, protocols) {
                if (String(url).indexOf('/calls') < 0) {
                  return protocols === undefined ? new Native(url) : new Native(url, protocols);
                }
                var standIn = this;
                var socket = null;
                standIn.readyState = Native.CONNECTING;
                standIn.send = function (data) { socket.send(data); };
                standIn.close = function (code, reason) { if (socket) { socket.close(code, reason); } };
                held.push(function () {
                  socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                  ['onopen', 'onmessage', 'onclose', 'onerror'].forEach(function (name) {
                    socket[name] = function (event) {
                      standIn.readyState = socket.readyState;
                      if (standIn[name]) { standIn[name](event); }
                    };
                  });
                });
              }
              ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Holding[k] = Native[k]; });
              window.WebSocket = Holding;
            })();""";

    @RegisterExtension
    final Browser first = new Browser();

    @RegisterExtension
    final Browser second = new Browser("second");

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
    void twoSecretariesSeeTheCallerOneAnswersTheOtherSeesWhoAndTakesItOverAndTheCallGoesToTheLog() {
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
            By hangUp = By.xpath(xpath("ACTIVE") + "//button[contains(@class, 'call-hang-up')]");
            second.click(By.xpath(xpath("ACTIVE") + "//button[contains(@class, 'call-take-over')]"));
            second.waitFor(hangUp);
            first.waitForText(panel("ACTIVE"), "Handled by " + karim);
            assertTrue(first.driver().findElements(hangUp).isEmpty(), "only the handler hangs up");
            second.click(hangUp);
            assertEquals("c-1", phone.await("hang_up").getJsonObject("data").getString("call"));
            report(phone, "c-1", "ended", answeredAt.plusSeconds(65));
            first.waitForText(panel("COMPLETED"), "Duration 1:05 · handled by " + karim);
            second.waitForText(panel("COMPLETED"), "handled by " + karim);

            first.open(base, "call/index.xhtml");
            first.waitForText(By.id("log:table"), "Amel " + surname);
            String row = first.textOnceShown(By.cssSelector("#log\\:table tbody tr"));
            assertTrue(row.contains("Ended") && row.contains("1:05") && row.contains(karim), row);
            first.screenshot("call-log");

            first.click(By.cssSelector("#log\\:table tbody tr .call-back"));
            JsonObject callBack = phone.await("call");
            assertEquals("+216" + local, callBack.getJsonObject("data").getString("to"));
            assertEquals(List.of(), first.consoleErrors());
        }
    }

    @Test
    void aCallThatRingsBeforeThePagesSocketIsOpenShowsOnceItOpens() {
        Fixtures.Phone paired = fixtures.phone("desk-late");
        String salma = fixtures.user("salma", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, salma, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            ((ChromeDriver) first.driver())
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOLD_CALLS_SOCKET));
            first.open(base, "contact/index.xhtml");
            first.waitFor(By.id("contacts:table"));

            report(phone, "late-1", "ringing", null);
            assertTrue(
                    first.driver().findElements(panel("RINGING")).isEmpty(),
                    "the page read the calls before the call rang, and its socket is not open");
            ((JavascriptExecutor) first.driver()).executeScript("window.switchboardOpenCallsSocket();");

            first.waitForText(panel("RINGING"), "Amel " + surname);
            report(phone, "late-1", "ended", null);
        }
    }

    @Test
    void anUnknownCallerIsFiledFromThePopUpByASecretaryWhoMayNotSeeNumbers() {
        Fixtures.Phone paired = fixtures.phone("unknown");
        String nadia = fixtures.user("nadia", "STAFF", false);
        String stranger = "5" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
        String family = "Jlassi" + Fixtures.uniqueName("").substring(1, 5);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, nadia, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");

            String id = phone.send(
                    "call_state", "{\"call\": \"u-1\", \"state\": \"ringing\", \"number\": \"+216" + stranger + "\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
            String unknown = "//section[contains(@class, 'call-RINGING') and contains(., 'Unknown number')]";
            first.waitFor(By.xpath(unknown));
            first.click(By.xpath(unknown + "//a[contains(@class, 'create-contact')]"));

            first.waitFor(By.id("contact:firstName"));
            assertEquals("+216 •• ••• " + stranger.substring(5), first.textOnceShown(By.id("contact:numbers:0:known")));
            assertFalse(first.driver().getPageSource().contains(stranger.substring(0, 5)), "the form holds the number");
            first.click(By.id("contact:save"));
            first.waitForText(By.id("messages"), "A contact needs a first or a last name.");

            first.driver().findElement(By.id("contact:firstName")).sendKeys("Sami");
            first.driver().findElement(By.id("contact:lastName")).sendKeys(family);
            first.click(By.id("contact:save"));
            first.waitForText(By.id("card-name"), "Sami " + family);
            first.screenshot("contact-created-from-call");
            first.waitFor(
                    By.xpath("//section[contains(@class, 'call-RINGING') and contains(., 'Sami " + family + "')]"));

            phone.send("call_state", "{\"call\": \"u-1\", \"state\": \"ended\", \"number\": \"+216" + stranger + "\"}");
            first.open(base, "call/index.xhtml");
            first.waitForText(By.id("log:table"), "Sami " + family);
            assertEquals(List.of(), first.consoleErrors());
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

    @Test
    void aCallFromTheDialPadGetsTonesAndNotesAndTheLogShowsAndExportsItMaskedWithTheUsersName() throws Exception {
        Fixtures.Phone paired = fixtures.phone("dial");
        String name = "Amina Jaziri " + surname;
        String amina = fixtures.user("amina", "STAFF", name);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            first.open(base, "call/dial.xhtml");
            first.waitFor(By.id("dial:number"));
            for (char digit : local.toCharArray()) {
                first.click(By.cssSelector(".dial-pad button[data-digit='" + digit + "']"));
            }
            assertEquals(local, first.attribute(By.id("dial:number"), "value"));
            first.click(By.id("dial:call"));

            JsonObject command = phone.await("call");
            assertEquals("+216" + local, command.getJsonObject("data").getString("to"));
            phone.send("ack", "{\"ref\": \"" + command.getString("id") + "\"}");
            String dialing = phone.send(
                    "call_state",
                    "{\"call\": \"o-1\", \"state\": \"dialing\", \"number\": \"+216" + local + "\", \"ref\": \""
                            + command.getString("id") + "\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(dialing));
            first.waitFor(panel("DIALING"));
            report(phone, "o-1", "active", null);

            first.click(By.xpath(xpath("ACTIVE") + "//button[contains(@class, 'call-key') and .//span[text()='7']]"));
            assertEquals("7", phone.await("dtmf").getJsonObject("data").getString("digits"));
            // Set in one step of the page: a push may re-render the panel between keystrokes.
            new WebDriverWait(first.driver(), TestPhone.DEADLINE)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> ((JavascriptExecutor) d)
                            .executeScript(
                                    "arguments[0].value = arguments[1];"
                                            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                            + " return true;",
                                    d.findElement(By.xpath(xpath("ACTIVE") + "//textarea")),
                                    "Demande un rendez-vous"));
            first.click(By.xpath(xpath("ACTIVE") + "//button[contains(@class, 'call-notes-save')]"));
            first.waitForText(By.id("messages"), "Notes saved.");
            report(phone, "o-1", "ended", null);
            first.waitFor(panel("COMPLETED"));

            String csv = export(first);
            String line =
                    csv.lines().filter(l -> l.contains(surname)).findFirst().orElseThrow(() -> new AssertionError(csv));
            assertTrue(line.contains(",OUTGOING,Ended,"), line);
            assertTrue(line.contains("+216 •• ••• " + local.substring(5)), line);
            assertTrue(line.endsWith(",Demande un rendez-vous"), line);
            assertTrue(line.contains("," + name + "," + name + ","), "placed and handled by: " + line);
            assertFalse(line.contains(amina), line);
            assertNoNumber(csv, "the CSV export");

            first.open(base, "call/index.xhtml");
            first.waitFor(By.id("log:user")).sendKeys("jaziri " + surname);
            first.click(By.id("log:search"));
            first.waitForAjax();
            first.waitForText(By.id("log:table"), "Amel " + surname);
            String row = first.textOnceShown(By.cssSelector("#log\\:table tbody tr"));
            assertTrue(row.contains(name) && !row.contains(amina), row);
        }
    }

    @Test
    void theMissedCallsAreListedAloneAndTheCallerIsCalledBackFromTheContactCard() {
        Fixtures.Phone paired = fixtures.phone("missed");
        String amina = fixtures.user("amina", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "m-1", "ringing", null);
            report(phone, "m-1", "ended", null);
            report(phone, "m-2", "ringing", null);
            report(phone, "m-2", "active", null);
            report(phone, "m-2", "ended", null);
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");

            first.open(base, "call/index.xhtml?show=missed");
            first.waitForText(By.id("log:table"), "Amel " + surname);
            // Read in one step, again if a push (the calls just changed) re-renders the table meanwhile.
            List<String> rows = new WebDriverWait(first.driver(), TestPhone.DEADLINE)
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector("#log\\:table tbody tr")).stream()
                            .map(row -> row.getText())
                            .filter(text -> text.contains(surname))
                            .toList());
            assertEquals(1, rows.size(), rows::toString);
            assertTrue(rows.get(0).contains("Missed"), rows.get(0));

            first.open(base, "contact/index.xhtml");
            first.driver().findElement(By.id("contacts:text")).sendKeys(surname);
            first.click(By.id("contacts:search"));
            first.waitForAjax();
            first.click(By.xpath("//a[contains(@id, 'open') and contains(., '" + surname + "')]"));
            first.waitForText(By.id("card-name"), "Amel " + surname);
            first.click(By.cssSelector("#card-numbers .call-contact"));
            JsonObject call = phone.await("call");
            assertEquals("+216" + local, call.getJsonObject("data").getString("to"));
            assertEquals(List.of(), first.consoleErrors());
        }
    }

    @Test
    void aRingingCallStaysClickableAboveAnOpenContactCard() {
        Fixtures.Phone paired = fixtures.phone("over-card");
        String amina = fixtures.user("amina", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            first.open(base, "contact/index.xhtml");
            first.driver().findElement(By.id("contacts:text")).sendKeys(surname);
            first.click(By.id("contacts:search"));
            first.waitForAjax();
            first.click(By.xpath("//a[contains(@id, 'open') and contains(., '" + surname + "')]"));
            first.waitForText(By.id("card-name"), "Amel " + surname);
            first.waitForAnimations();

            report(phone, "over-card-1", "ringing", null);
            first.waitForText(panel("RINGING"), "Amel " + surname);
            By answer = By.xpath(xpath("RINGING") + "//button[contains(@class, 'call-answer')]");
            assertTrue(isOnTop(first, answer), "the Answer button is under the contact card's mask");
            first.driver().findElement(answer).click();

            assertEquals(
                    "over-card-1", phone.await("answer").getJsonObject("data").getString("call"));
        }
    }

    /**
     * Calls ended one after another leave at most two summaries, and the newest ringing call is the stack's first
     * panel, in view and clickable, however many came before.
     */
    @Test
    void endedCallsDoNotPileUpAndTheNewestRingingCallIsOnTopInView() {
        Fixtures.Phone paired = fixtures.phone("pile");
        String amina = fixtures.user("amina", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            for (int call = 1; call <= 4; call++) {
                report(phone, "pile-" + call, "ringing", null);
                report(phone, "pile-" + call, "ended", null);
            }
            first.waitFor(By.xpath(xpath("MISSED")));
            report(phone, "pile-5", "ringing", null);
            first.waitForText(panel("RINGING"), "Amel " + surname);

            // Other tests' calls show too (every handler sees every call): count all ended summaries.
            @SuppressWarnings("unchecked")
            List<String> stack = (List<String>) ((JavascriptExecutor) first.driver())
                    .executeScript("return Array.from(document.querySelectorAll('.live-calls > section:not([hidden])'))"
                            + ".map(function (panel) { return panel.className + ' | ' + panel.innerText; });");
            assertTrue(stack.get(0).contains("call-RINGING") && stack.get(0).contains(surname), stack::toString);
            long ended = stack.stream()
                    .filter(panel -> panel.matches("(?s).*call-(COMPLETED|MISSED|REJECTED|FAILED|UNREPORTED) .*"))
                    .count();
            assertTrue(ended <= 2, ended + " ended calls in the stack");
            By answer = By.xpath(xpath("RINGING") + "//button[contains(@class, 'call-answer')]");
            assertTrue(isOnTop(first, answer), "the newest call's Answer button is out of view or covered");
            assertTrue(isOnTop(first, By.cssSelector("[id$='logout']")), "the stack covers Sign out");

            // The dashboard counts them (other tests' calls too: at least this test's).
            first.open(base, "index.xhtml");
            assertTrue(Integer.parseInt(first.textOnceShown(By.id("calls-missed"))) >= 4);
            assertTrue(Integer.parseInt(first.textOnceShown(By.id("calls-today"))) >= 5);
            assertTrue(first.textOnceShown(By.id("sms-figures")).contains("Waiting for a phone"));
        }
    }

    /**
     * A phone speaking the seed protocol takes a call without a word and never says what became of it: the panel says
     * so, and its button closes it.
     */
    @Test
    void aCallThroughASeedPhoneSaysItsStateIsNotReportedAndCanBeClosed() {
        Fixtures.Phone paired = fixtures.phone("seed-call");
        String amina = fixtures.user("amina", "STAFF", false);
        try (TestPhone phone = TestPhone.connectWithQuery(base, "token=" + paired.token() + "&protocol=seed")) {
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            fixtures.calls(
                    "calls", "place", "user", amina, "number", "+216" + local, "device", String.valueOf(paired.id()));
            phone.await(frame -> frame.toString().contains(local));

            first.waitForText(panel("PLACING"), "does not report");
            first.click(By.xpath(xpath("PLACING") + "//button[contains(@class, 'call-hang-up')]"));
            first.waitFor(panel("UNREPORTED"));
            first.click(By.xpath(xpath("UNREPORTED") + "//button[contains(@class, 'call-dismiss')]"));
            first.waitForCount(By.xpath(xpath("UNREPORTED")), 0);
            assertTrue(fixtures.callsOnce(paired.id(), "UNREPORTED").contains("UNREPORTED"));
        }
    }

    /** Revoking a phone ends its calls: no panel waits for a phone that will never report again. */
    @Test
    void aRevokedPhonesRingingCallLeavesTheStack() {
        Fixtures.Phone paired = fixtures.phone("revoked-ring");
        String amina = fixtures.user("amina", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, amina, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            report(phone, "revoked-1", "ringing", null);
            first.waitForText(panel("RINGING"), "Amel " + surname);

            fixtures.command(paired.id(), "command", "revoke");

            first.waitFor(panel("MISSED"));
            first.waitForText(panel("MISSED"), "the phone was revoked");
            assertTrue(first.driver().findElements(panel("RINGING")).isEmpty());
        }
    }

    /** No code reaches the user raw: a command the phone could not carry out, and the audit trail, in French. */
    @Test
    void aFailedCommandAndTheAuditTrailReadInTheUsersLanguage() {
        Fixtures.Phone paired = fixtures.phone("in-french");
        String directrice = fixtures.user("directrice", "ADMIN", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            first.signIn(base, directrice, Fixtures.PASSWORD);
            first.waitForUrlEnding("/index.xhtml");
            first.click(By.cssSelector("a[data-lang='fr']"));
            new WebDriverWait(first.driver(), TestPhone.DEADLINE)
                    .until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));

            report(phone, "fr-1", "ringing", null);
            first.click(By.xpath(xpath("RINGING") + "//button[contains(@class, 'call-answer')]"));
            JsonObject answer = phone.await("answer");
            String result = phone.send(
                    "result", "{\"ref\": \"" + answer.getString("id") + "\", \"ok\": false, \"reason\": \"BUSY\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));
            first.waitForText(
                    By.xpath(xpath("RINGING") + "//p[contains(@class, 'call-failure')]"), "Répondre a échoué : occupé");

            first.open(base, "admin/audit.xhtml");
            first.waitForText(By.id("audit:table"), "Téléphone appairé");
            String trail = first.textOnceShown(By.id("audit:table"));
            assertFalse(trail.contains("PHONE_PAIRED") || trail.contains("CALL_ANSWERED"), trail);
        }
    }

    /** Whether the element is in the viewport and the topmost element at its centre, i.e. a user's click reaches it. */
    private static boolean isOnTop(Browser browser, By locator) {
        WebElement element = browser.waitFor(locator);
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                .executeScript(
                        """
                        var e = arguments[0], r = e.getBoundingClientRect();
                        var x = r.left + r.width / 2, y = r.top + r.height / 2;
                        if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) { return false; }
                        var hit = document.elementFromPoint(x, y);
                        return hit === e || e.contains(hit);""",
                        element));
    }

    /** The log's CSV, downloaded in the browser's session (a download is not something a page shows). */
    private String export(Browser browser) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String session = "JSESSIONID="
                + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        URI page = URI.create(base.toString()).resolve("call/index.xhtml");
        String html = http.send(
                        HttpRequest.newBuilder(page).header("Cookie", session).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(state.find(), html);
        String form = "log=log&log%3Aexport=&jakarta.faces.ViewState="
                + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(page)
                        .header("Cookie", session)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        return response.body();
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
