package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** A secretary sends an SMS to a class's guardians in Arabic and watches it reach them. */
@ContainerTest
@Tag("browser")
class SmsPagesIT {

    private static final String ARABIC =
            "تذكير: اجتماع أولياء التلاميذ يوم الخميس على الساعة السادسة مساء في القاعة الكبرى";

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    // Arabic pages write numbers in Arabic-Indic digits (٢ is 2), as MessageFormat does for the language.
    @Test
    void composeToAGroupInArabicThenWatchTheStatesChangeLiveInTheHistory() {
        Fixtures fixtures = new Fixtures(base);
        String group = Fixtures.uniqueName("3B");
        String mobile = "5" + String.format("%07d", (long) (Math.random() * 9_000_000));
        for (int i = 0; i < 2; i++) {
            fixtures.contactSharingNumbers(
                    Fixtures.uniqueName("g"),
                    """
                    {"firstName": "Walid", "lastName": "Guardian%d", "kind": "GUARDIAN",
                     "numbers": [{"number": "%s", "label": "MOBILE"}], "groups": ["%s"]}
                    """
                            .formatted(i, mobile.substring(0, 7) + i, group));
        }
        Fixtures.Phone paired = fixtures.phone("sms-page");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "sms/compose.xhtml");
            browser.click(By.cssSelector("a[data-lang='ar']"));
            browser.waitForText(By.tagName("h1"), "إرسال رسالة قصيرة");

            browser.click(By.id("compose:groups"));
            browser.click(By.xpath("//div[@id='compose:groups_panel']//li[.//label[text()='" + group + "']]"
                    + "//div[contains(@class, 'ui-chkbox-box')]"));
            browser.click(By.cssSelector("[id='compose:groups_panel'] .ui-selectcheckboxmenu-close"));
            browser.waitFor(By.id("compose:text")).sendKeys(ARABIC);
            browser.waitForText(By.id("compose:counter"), "يونيكود (UCS-2) · جزآن");
            browser.screenshot("sms-compose-ar");
            browser.click(By.id("compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForUrlEnding("/sms/campaigns.xhtml");
            browser.waitForText(By.id("messages"), "أُضيفت رسالتان");

            List<JsonObject> commands = new ArrayList<>();
            commands.add(phone.awaitSms(ARABIC));
            commands.add(phone.awaitSms(ARABIC));
            delivered(phone, commands.get(0));
            browser.waitForText(By.id("campaigns:table"), "رسالتان: ١ وصلت");
            browser.screenshot("sms-campaign-ar");

            browser.open(base, "sms/history.xhtml");
            browser.waitForText(By.id("history:table"), "سُلّمت إلى هاتف");
            String table = browser.textOnceShown(By.id("history:table"));
            assertTrue(table.contains("+216 •• ••• " + mobile.substring(5, 7) + "0"), table);
            assertFalse(table.contains(mobile.substring(0, 5)), "a staff member sees numbers masked");

            delivered(phone, commands.get(1));

            browser.waitForText(By.id("history:table"), "وصلت");
            browser.waitForTextGone(By.id("history:table"), "سُلّمت إلى هاتف");
            browser.click(By.cssSelector("[id='history:table'] .ui-row-toggler"));
            browser.waitForText(By.id("history:table"), "الجزء ٢ من ٢ · وصل");
            browser.screenshot("sms-history-ar");
            assertEquals(List.of(), browser.consoleErrors());
        }
    }

    @Test
    void composeLabelsNeverOverlapTheirControlsInArabicFrenchAndEnglish() {
        Fixtures fixtures = new Fixtures(base);
        fixtures.phone("layout");
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "sms/compose.xhtml");
        for (String language : List.of("ar", "fr", "en")) {
            browser.click(By.cssSelector("a[data-lang='" + language + "']"));
            browser.waitFor(By.cssSelector("html[lang='" + language + "'] [id='compose:sim']"));
            for (String control : List.of("compose:phone", "compose:sim")) {
                String label = "label[for^='" + control + "']";
                assertApart(label, "[id='" + control + "']", language);
                assertTrue(
                        (Boolean) ((JavascriptExecutor) browser.driver())
                                .executeScript(
                                        "return document.querySelector(arguments[0]).getBoundingClientRect().bottom"
                                                + " <= document.getElementById(arguments[1]).getBoundingClientRect().top;",
                                        label,
                                        control),
                        language + ": the label of " + control + " is above it, where no text length moves it");
                assertApart(
                        "[id='" + control + "'] .ui-selectonemenu-label",
                        "[id='" + control + "'] .ui-selectonemenu-trigger",
                        language);
            }
        }
        browser.screenshot("sms-compose-layout-en");
    }

    /**
     * The content of the first element the first selector matches (its box less padding and border: what the select
     * leaves free for its text) and the second element's box are drawn without covering each other.
     */
    private void assertApart(String first, String second, String language) {
        @SuppressWarnings("unchecked")
        List<Number> overlap = (List<Number>) ((JavascriptExecutor) browser.driver())
                .executeScript(
                        """
                        const e = document.querySelector(arguments[0]);
                        const s = getComputedStyle(e);
                        const r = e.getBoundingClientRect();
                        const a = {
                            left: r.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth),
                            right: r.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth),
                            top: r.top + parseFloat(s.paddingTop) + parseFloat(s.borderTopWidth),
                            bottom: r.bottom - parseFloat(s.paddingBottom) - parseFloat(s.borderBottomWidth)
                        };
                        const b = document.querySelector(arguments[1]).getBoundingClientRect();
                        return [Math.min(a.right, b.right) - Math.max(a.left, b.left),
                                Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)];
                        """,
                        first,
                        second);
        assertTrue(
                overlap.get(0).doubleValue() <= 0 || overlap.get(1).doubleValue() <= 0,
                language + ": " + first + " and " + second + " overlap by " + overlap);
    }

    private static void delivered(TestPhone phone, JsonObject command) {
        phone.send("ack", "{\"ref\": \"" + command.getString("id") + "\"}");
        for (int part = 1; part <= 2; part++) {
            String id = phone.send(
                    "sms_status",
                    "{\"ref\": \"" + command.getString("id") + "\", \"part\": " + part
                            + ", \"parts\": 2, \"state\": \"delivered\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
        }
    }

    @Test
    void anIncomingSmsWaitsUnreadInTheInboxAndIsAnsweredInPlace() {
        Fixtures fixtures = new Fixtures(base);
        String mobile = "5" + String.format("%07d", (long) (Math.random() * 9_000_000));
        String surname = "Parent" + Fixtures.uniqueName("").substring(1, 6);
        fixtures.contact(
                Fixtures.uniqueName("g"),
                """
                {"firstName": "Nadia", "lastName": "%s", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}]}
                """
                        .formatted(surname, mobile));
        Fixtures.Phone paired = fixtures.phone("inbox-page");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.waitForText(By.id("menu"), "SMS inbox");
            String id = phone.send(
                    "sms_received", "{\"from\": \"+216" + mobile + "\", \"text\": \"Mon fils sera absent demain\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(id));

            browser.waitForText(By.id("menu"), "SMS inbox (1)");
            browser.open(base, "sms/inbox.xhtml");
            browser.waitForText(By.id("inbox:threads"), "Nadia " + surname);

            browser.click(By.xpath("//a[.//bdi[text()='Nadia " + surname + "']]"));
            browser.waitForText(By.id("inbox:conversation"), "Mon fils sera absent demain");
            browser.waitForTextGone(By.id("menu"), "SMS inbox (");
            browser.waitFor(By.id("inbox:reply")).sendKeys("Bien noté, merci.");
            browser.click(By.id("inbox:send"));

            JsonObject reply = phone.awaitSms("Bien noté, merci.");
            assertTrue(reply.getJsonObject("data").getString("to").endsWith(mobile));
            browser.waitForText(By.id("inbox:conversation"), "Bien noté, merci.");
            browser.click(By.id("inbox:call"));
            JsonObject call = phone.await(f -> action(f).equals("call"));
            assertTrue(call.getJsonObject("data").getString("to").endsWith(mobile), "called back from the thread");
            browser.open(base, "index.xhtml");
            assertFalse(browser.textOnceShown(By.id("menu")).contains("SMS inbox ("), "read once opened");
        }
    }

    @Test
    void aTemplateWithPlaceholdersIsPreviewedForEachOfTheFirstRecipients() {
        Fixtures fixtures = new Fixtures(base);
        String group = Fixtures.uniqueName("4C");
        for (String firstName : List.of("Amira", "Bilel")) {
            fixtures.contact(
                    Fixtures.uniqueName("g"),
                    """
                    {"firstName": "%s", "lastName": "Preview", "kind": "GUARDIAN",
                     "numbers": [{"number": "5%07d", "label": "MOBILE"}], "groups": ["%s"]}
                    """
                            .formatted(firstName, (long) (Math.random() * 9_000_000), group));
        }
        String template = Fixtures.uniqueName("Convocation");
        fixtures.template(template, "Bonjour {firstName}, réunion de la classe {class} jeudi.");
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "sms/compose.xhtml");

        browser.click(By.id("compose:groups"));
        browser.click(By.xpath("//div[@id='compose:groups_panel']//li[.//label[text()='" + group + "']]"
                + "//div[contains(@class, 'ui-chkbox-box')]"));
        browser.click(By.cssSelector("[id='compose:groups_panel'] .ui-selectcheckboxmenu-close"));
        browser.waitForAjax();
        // The menu is chosen through its widget: headless Chromium does not open PrimeFaces' overlay reliably.
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const option = [...document.querySelectorAll(\"[id='compose:template_input'] option\")]"
                                + ".find(o => o.text === arguments[0]);"
                                + " const menu = PF('templateMenu'); menu.selectValue(option.value); menu.triggerChange();",
                        template);

        browser.waitForText(By.id("compose:previews"), "Amira Preview: Bonjour Amira, réunion de la classe " + group);
        browser.waitForText(By.id("compose:previews"), "Bilel Preview: Bonjour Bilel, réunion de la classe " + group);
        assertEquals(
                "Bonjour {firstName}, réunion de la classe {class} jeudi.",
                browser.attribute(By.id("compose:text"), "value"),
                "the template's text is in the box, still to be changed");

        browser.waitFor(By.id("compose:text")).sendKeys(" {prenom}");
        browser.waitForText(By.id("compose:previews"), "{prenom}");
        browser.screenshot("sms-compose-placeholders");
    }

    @Test
    void aSimChosenInComposeIsTheSimTheMessageGoesThrough() {
        Fixtures fixtures = new Fixtures(base);
        String group = Fixtures.uniqueName("2D");
        fixtures.contact(
                Fixtures.uniqueName("g"),
                """
                {"firstName": "Sonia", "lastName": "Sim", "kind": "GUARDIAN",
                 "numbers": [{"number": "5%07d", "label": "MOBILE"}], "groups": ["%s"]}
                """
                        .formatted((long) (Math.random() * 9_000_000), group));
        Fixtures.Phone paired = fixtures.phone("dual-sim");
        String text = Fixtures.uniqueName("Par la deuxième SIM");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "sms/compose.xhtml");
            chooseGroup(group);
            browser.waitFor(By.id("compose:text")).sendKeys(text);
            choose("compose:phone", paired.name());
            choose("compose:sim", "SIM 2");
            browser.click(By.id("compose:send"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));

            JsonObject sent = phone.awaitSms(text);
            assertEquals(1, sent.getJsonObject("data").getInt("sim"), "SIM 2 is slot 1");
        }
    }

    /** The same rule as the dial pad: a secretary who may not see stored numbers may still type one she knows. */
    @Test
    void aSecretaryWhoMayNotSeeNumbersTextsANumberSheTypes() {
        Fixtures fixtures = new Fixtures(base);
        Fixtures.Phone paired = fixtures.phone("typed");
        String text = Fixtures.uniqueName("Votre enfant vous attend");
        String number = "5" + (1_000_000 + (long) (Math.random() * 8_000_000));
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.signIn(base, fixtures.user("typist", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "sms/compose.xhtml");
            browser.waitFor(By.id("compose:numbers_input")).sendKeys(number + Keys.ENTER);
            browser.waitForAjax();
            browser.driver().findElement(By.id("compose:text")).sendKeys(text);
            choose("compose:phone", paired.name());
            browser.click(By.id("compose:send"));

            assertEquals(
                    "+216" + number, phone.awaitSms(text).getJsonObject("data").getString("to"));
        }
    }

    @Test
    void aClassIsTextedThroughItsStudentsGuardiansOnceEachOrOncePerChildWithTheChildsName() {
        Fixtures fixtures = new Fixtures(base);
        String group = Fixtures.uniqueName("5A");
        String surname = "Family" + Fixtures.uniqueName("").substring(1, 6);
        String twoChildren = guardian(fixtures, "Hedi", surname);
        String oneChild = guardian(fixtures, "Rym", surname);
        student(fixtures, "Amira", surname, group, twoChildren);
        student(fixtures, "Bilel", surname, group, twoChildren);
        student(fixtures, "Chiraz", surname, group, oneChild);
        Fixtures.Phone paired = fixtures.phone("class");
        // The tests' server sends with no pace; this phone has its own, which the estimate reads.
        fixtures.command(paired.id(), "command", "pace", "parts", "30");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "sms/compose.xhtml");
            chooseGroup(group);
            browser.click(By.xpath("//*[@id='compose:audience']//label[text()='Their guardians']"));
            browser.waitForAjax();
            choose("compose:phone", paired.name());
            String meeting = Fixtures.uniqueName("Réunion") + " des parents de {class} jeudi.";
            browser.waitFor(By.id("compose:text")).sendKeys(meeting);
            String filled = meeting.replace("{class}", group);
            browser.waitForText(
                    By.id("compose:previews"),
                    "Hedi " + surname + " (guardian of Amira " + surname + ", Bilel " + surname + "): " + filled);
            browser.waitForText(
                    By.id("compose:previews"), "Rym " + surname + " (guardian of Chiraz " + surname + "): " + filled);
            browser.waitForText(By.id("compose:previews"), "2 recipients");
            browser.click(By.id("compose:send"));
            browser.waitForText(
                    By.cssSelector(".ui-confirm-dialog-message"),
                    "This SMS goes to 2 recipients, 2 parts in all. At the current pace, about 1 minute.");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForUrlEnding("/sms/campaigns.xhtml");
            browser.waitForText(By.id("messages"), "2 messages queued");
            phone.awaitSms(filled);

            browser.open(base, "sms/compose.xhtml");
            chooseGroup(group);
            browser.click(By.xpath("//*[@id='compose:audience']//label[text()='Their guardians']"));
            browser.waitForAjax();
            String perChild = Fixtures.uniqueName("Bulletin") + " de {childFirstName} ({class}).";
            browser.waitFor(By.id("compose:text")).sendKeys(perChild);
            browser.waitForText(By.id("compose:previews"), "3 recipients");
            browser.click(By.id("compose:send"));
            browser.waitForText(By.cssSelector(".ui-confirm-dialog-message"), "This SMS goes to 3 recipients");
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText(By.id("messages"), "3 messages queued");
            for (String child : List.of("Amira", "Bilel", "Chiraz")) {
                phone.awaitSms(perChild.replace("{childFirstName}", child).replace("{class}", group));
            }
        }
    }

    private static String guardian(Fixtures fixtures, String firstName, String lastName) {
        String id = Fixtures.uniqueName("g");
        fixtures.contact(
                id,
                """
                {"firstName": "%s", "lastName": "%s", "kind": "GUARDIAN",
                 "numbers": [{"number": "5%07d", "label": "MOBILE"}]}
                """
                        .formatted(firstName, lastName, (long) (Math.random() * 9_000_000)));
        return id;
    }

    private static void student(Fixtures fixtures, String firstName, String lastName, String group, String guardian) {
        fixtures.contact(
                Fixtures.uniqueName("s"),
                """
                {"firstName": "%s", "lastName": "%s", "kind": "STUDENT", "groups": ["%s"], "guardians": ["%s"]}
                """
                        .formatted(firstName, lastName, group, guardian));
    }

    private void chooseGroup(String group) {
        browser.click(By.id("compose:groups"));
        browser.click(By.xpath("//div[@id='compose:groups_panel']//li[.//label[text()='" + group + "']]"
                + "//div[contains(@class, 'ui-chkbox-box')]"));
        browser.click(By.cssSelector("[id='compose:groups_panel'] .ui-selectcheckboxmenu-close"));
        browser.waitForAjax();
    }

    /** Chooses a menu's option by its label through the widget: headless Chromium opens the overlay unreliably. */
    private void choose(String menuId, String label) {
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "const option = [...document.querySelectorAll(\"[id='\" + arguments[0] + \"_input'] option\")]"
                                + ".find(o => o.text === arguments[1]);"
                                + " const menu = PrimeFaces.getWidgetById(arguments[0]);"
                                + " menu.selectValue(option.value); menu.triggerChange();",
                        menuId,
                        label);
        browser.waitForAjax();
    }

    @Test
    void aTemplateIsWrittenWithItsPartCountAndListed() {
        Fixtures fixtures = new Fixtures(base);
        String name = Fixtures.uniqueName("Sortie");
        browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "sms/templates.xhtml");

        browser.click(By.id("templates:new"));
        browser.waitFor(By.id("templateForm:name")).sendKeys(name);
        browser.driver().findElement(By.id("templateForm:text")).sendKeys("La sortie au musée est reportée.");
        browser.waitForText(By.id("templateForm:counter"), "32 characters · GSM-7 · 1 part,");
        browser.click(By.id("templateForm:save"));

        browser.waitForText(By.id("templates:table"), name);
        assertTrue(browser.textOnceShown(By.id("templates:table")).contains("La sortie au musée est reportée."));
        browser.open(base, "sms/compose.xhtml");
        browser.waitFor(By.id("compose:template"));
        assertTrue(browser.driver().getPageSource().contains(name), "compose offers the template");
    }
}
