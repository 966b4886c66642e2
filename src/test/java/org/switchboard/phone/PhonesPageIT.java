package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** The Phones page and the top-bar indicator at a browser, with a test client as the phone. */
@ContainerTest
@Tag("browser")
class PhonesPageIT {

    private static final Pattern LINK = Pattern.compile("switchboard://pair\\?server=([^&]+)&token=(sbp_[\\w-]+)");

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(base);
    }

    @Test
    void anAdminPairsAPhoneAndWatchesItConnectLive() {
        browser.signIn(base, fixtures.user("admin", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "phone/index.xhtml");
        String name = Fixtures.uniqueName("Secretariat");

        browser.waitFor(By.id("phones:name")).sendKeys(name);
        browser.driver().findElement(By.id("phones:pair")).click();

        String link = browser.textOnceShown(By.id("pairing-link"));
        Matcher matcher = LINK.matcher(link);
        assertTrue(matcher.matches(), link);
        String server = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        assertTrue(server.matches("ws://[^/]+:" + base.getPort() + "/ws/phone"), server);
        assertTrue(browser.attribute(By.id("pairing-qr"), "src").startsWith("data:image/svg+xml;base64,"));
        assertTrue(browser.textOnceShown(By.id("pairing-seed-url")).endsWith("&protocol=seed"));
        assertTrue(browser.textOnceShown(By.id("phones:insecure-page")).contains("ws://"));
        browser.screenshot("phones-pairing");
        browser.driver().findElement(By.id("pairingForm:close")).click();
        String before = browser.textOnceShown(By.id("topbar:phone-indicator"));
        int total = Integer.parseInt(before.split("/")[1].strip());

        try (TestPhone phone = TestPhone.connect(base, matcher.group(2))) {
            phone.hello();

            browser.waitForText(By.id("topbar:phone-indicator"), (connectedIn(before) + 1) + "/" + total);
            browser.waitForText(By.id("phones:table"), "Pixel 7");
            String row = rowOf(name);
            assertTrue(row.contains("Connected"), row);
            assertTrue(row.contains("81 %"), row);
            assertTrue(row.contains("Ooredoo"), row);
            assertTrue(browser.textOnceShown(By.id("phones:insecure-phones")).contains("ws://"));
            browser.screenshot("phones-connected");
        }

        browser.waitForText(By.id("topbar:phone-indicator"), connectedIn(before) + "/" + total);
        assertTrue(rowOf(name).contains("Offline"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void anAdminRenamesThenRevokesAConnectedPhone() {
        Fixtures.Phone paired = fixtures.phone("corridor");
        String renamed = Fixtures.uniqueName("Corridor");
        browser.signIn(base, fixtures.user("admin", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            browser.open(base, "phone/index.xhtml");
            browser.waitForText(By.id("phones:table"), paired.name());

            browser.click(actionOf(paired.name(), "rename"));
            browser.waitFor(By.id("renameForm:renameTo")).clear();
            browser.driver().findElement(By.id("renameForm:renameTo")).sendKeys(renamed);
            browser.driver().findElement(By.id("renameForm:save")).click();
            browser.waitForText(By.id("phones:table"), renamed);

            browser.click(actionOf(renamed, "revoke"));
            browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();

            assertEquals(new TestPhone.Closed(4403, "this phone has been revoked"), phone.awaitClose());
            browser.waitForText(By.id("phones:table"), "Revoked");
            assertTrue(rowOf(renamed).contains("Revoked"), rowOf(renamed));
        }
    }

    private static By actionOf(String name, String action) {
        return By.xpath("//tbody[@id='phones:table_data']/tr[.//span[@class='phone-name' and text()='" + name
                + "']]//button[contains(@id, ':" + action + "')]");
    }

    @Test
    void theIndicatorShowsOnEveryPageAndUpdatesThere() {
        Fixtures.Phone paired = fixtures.phone("front-desk");
        browser.signIn(base, fixtures.user("staff", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "contact/index.xhtml");
        String before = browser.textOnceShown(By.id("topbar:phone-indicator"));

        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();

            browser.waitForText(
                    By.id("topbar:phone-indicator"), (connectedIn(before) + 1) + "/" + before.split("/")[1].strip());
        }
        browser.open(base, "phone/index.xhtml");
        browser.waitForText(By.tagName("h1"), "Not allowed");
    }

    private String rowOf(String name) {
        return browser.textOnceShown(By.xpath(
                "//tbody[@id='phones:table_data']/tr[.//span[@class='phone-name' and text()='" + name + "']]"));
    }

    private static int connectedIn(String indicator) {
        return Integer.parseInt(indicator.split("/")[0].strip());
    }
}
