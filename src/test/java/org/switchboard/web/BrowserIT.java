package org.switchboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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

/** A person at a browser: signing in and out, lockout, languages, roles, the admin pages. */
@ContainerTest
@Tag("browser")
class BrowserIT {

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
    @DisplayName("signing in lands on the dashboard, inside the layout with the menu and the user")
    void signInLandsOnTheDashboard() {
        String staff = fixtures.user("staff", "STAFF", false);
        browser.open(base, "login.xhtml");
        String sessionBefore =
                browser.driver().manage().getCookieNamed("JSESSIONID").getValue();

        signIn(staff, Fixtures.PASSWORD);

        browser.waitForUrlEnding("/index.xhtml");
        String sessionAfter =
                browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse(sessionBefore.equals(sessionAfter), "the container must start a new session id at sign-in");
        assertTrue(browser.waitFor(By.id("signed-in-user")).getText().contains(staff));
        String menu = browser.waitFor(By.id("menu")).getText();
        for (String entry : new String[] {"Dashboard", "SMS", "Calls", "Contacts"}) {
            assertTrue(menu.contains(entry), menu);
        }
        assertFalse(menu.contains("Administration"), "staff see no admin menu: " + menu);
        assertFalse(menu.contains("Phones"), "phones are managed by admins: " + menu);
        browser.screenshot("dashboard-en");
        var consoleErrors = browser.consoleErrors();
        assertTrue(consoleErrors.isEmpty(), "console errors: " + consoleErrors);
    }

    @Test
    @DisplayName("a page opened before signing in is the page shown after")
    void deepLinkSurvivesSignIn() {
        String admin = fixtures.user("deep", "ADMIN", false);
        browser.open(base, "admin/audit.xhtml");
        browser.waitForUrlEnding("/login.xhtml");

        signIn(admin, Fixtures.PASSWORD);

        browser.waitForUrlEnding("/admin/audit.xhtml");
        browser.waitFor(By.id("audit:table"));
    }

    @Test
    @DisplayName("a wrong password says so and keeps the user on the login page")
    void wrongPasswordShowsAMessage() {
        String staff = fixtures.user("wrong", "STAFF", false);

        signIn(staff, "not-the-password");

        browser.waitForText(By.id("login:messages"), "Wrong username or password.");
        browser.waitForUrlEnding("/login.xhtml");
    }

    @Test
    @DisplayName("after five wrong passwords even the right one must wait, and the page says for how long")
    void lockoutIsExplained() {
        String staff = fixtures.user("locked", "STAFF", false);
        browser.open(base, "login.xhtml");
        assertTrue(browser.waitFor(By.id("lockout-hint")).getText().contains("After 5 wrong passwords"));

        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(staff, "wrong-" + attempt);
            browser.waitFor(By.id("login:messages"));
        }

        browser.waitForText(By.id("login:messages"), "Too many wrong passwords");
        assertTrue(browser.waitFor(By.id("login:messages")).getText().contains("1 minute"));
        signIn(staff, Fixtures.PASSWORD);
        browser.waitForText(By.id("login:messages"), "Too many wrong passwords");
    }

    @Test
    @DisplayName("signing out returns to the login page and pages need a login again")
    void signOut() {
        signIn(fixtures.user("leaver", "VIEWER", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");

        browser.waitFor(By.id("topbar:logout")).click();

        browser.waitFor(By.id("login:signed-out"));
        browser.open(base, "index.xhtml");
        browser.waitForUrlEnding("/login.xhtml");
    }

    @Test
    @DisplayName("Arabic lays the page out right to left, and the choice follows the user to the next session")
    void arabicIsRightToLeftAndRemembered() {
        String staff = fixtures.user("arabic", "STAFF", false);
        browser.open(base, "login.xhtml");
        assertEquals("ltr", browser.attribute(By.tagName("html"), "dir"));

        switchLanguage("ar");

        assertEquals("rtl", browser.attribute(By.tagName("html"), "dir"));
        assertEquals("ar", browser.attribute(By.tagName("html"), "lang"));
        assertEquals(
                "تسجيل الدخول",
                browser.waitFor(By.cssSelector(".login-card .subtitle")).getText());
        signIn(staff, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        assertEquals("rtl", browser.attribute(By.tagName("html"), "dir"));
        assertTrue(browser.waitFor(By.id("menu")).getText().contains("لوحة القيادة"));
        browser.screenshot("dashboard-ar");

        browser.driver().manage().deleteAllCookies();
        browser.open(base, "login.xhtml");
        assertEquals("ltr", browser.attribute(By.tagName("html"), "dir"), "a new session starts in English");
        signIn(staff, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        assertEquals("rtl", browser.attribute(By.tagName("html"), "dir"), "the user's Arabic is restored");

        switchLanguage("fr");
        assertEquals("ltr", browser.attribute(By.tagName("html"), "dir"));
        assertTrue(browser.waitFor(By.id("menu")).getText().contains("Tableau de bord"));
    }

    @Test
    @DisplayName("a user disabled by an admin is signed out at the next click")
    void disabledUserIsSignedOut() {
        String staff = fixtures.user("fired", "STAFF", false);
        signIn(staff, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");

        fixtures.disable(staff);
        browser.open(base, "index.xhtml");

        browser.waitForUrlEnding("/login.xhtml");
        browser.waitFor(By.id("login:disabled"));
        browser.open(base, "index.xhtml");
        browser.waitForUrlEnding("/login.xhtml");
    }

    @Test
    @DisplayName("a staff user cannot open the admin pages")
    void staffCannotOpenAdminPages() {
        signIn(fixtures.user("nosy", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");

        for (String page : new String[] {"admin/users.xhtml", "admin/api-keys.xhtml", "admin/audit.xhtml"}) {
            browser.open(base, page);
            browser.waitForText(By.id("error-page"), "Not allowed");
        }
    }

    @Test
    @DisplayName("an admin demoted to staff loses the admin pages at the next click")
    void aDemotedAdminLosesTheAdminPagesAtOnce() {
        String boss = fixtures.user("demoted", "ADMIN", false);
        signIn(boss, Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "admin/users.xhtml");
        browser.waitFor(By.id("users:create"));

        fixtures.role(boss, "STAFF");
        browser.open(base, "admin/users.xhtml");
        browser.waitForText(By.id("error-page"), "Not allowed");
        browser.open(base, "sms/compose.xhtml");
        browser.waitFor(By.id("compose"));
    }

    @Test
    @DisplayName("a temporary password must be changed before anything else")
    void temporaryPasswordMustBeChanged() {
        String newcomer = fixtures.user("newcomer", "STAFF", true);

        signIn(newcomer, Fixtures.PASSWORD);

        browser.waitForUrlEnding("/account/password.xhtml");
        browser.waitFor(By.id("must-change"));
        browser.open(base, "index.xhtml");
        browser.waitForUrlEnding("/account/password.xhtml");
        browser.open(base, "");
        browser.waitForUrlEnding("/account/password.xhtml");
        changePassword(Fixtures.PASSWORD, "a-brand-new-secret");
        browser.waitForUrlEnding("/index.xhtml");
        browser.waitForText(By.id("messages"), "Your password has been changed.");
        assertEquals(List.of(), browser.consoleErrors(), "the password page gets its scripts");
    }

    @Test
    @DisplayName("an admin creates a user, who signs in with the password shown once")
    void adminCreatesAUser() {
        signIn(fixtures.user("boss", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "admin/users.xhtml");
        String newcomer = Fixtures.uniqueName("hired");

        browser.waitFor(By.id("users:create")).click();
        browser.waitFor(By.id("userForm:username")).sendKeys(newcomer);
        browser.driver().findElement(By.id("userForm:displayName")).sendKeys("Hired Person");
        browser.driver().findElement(By.id("userForm:save")).click();
        String password = browser.textOnceShown(By.id("issued-password"));
        assertTrue(password.length() >= 10, "issued password: '" + password + "'");
        browser.waitForAjax();
        assertTrue(browser.waitFor(By.id("users:table")).getText().contains(newcomer));
        browser.screenshot("admin-users");

        browser.driver().manage().deleteAllCookies();
        signIn(newcomer, password);
        browser.waitForUrlEnding("/account/password.xhtml");
    }

    @Test
    @DisplayName("an admin creates an API key that works once and is then shown only by its prefix")
    void adminCreatesAnApiKey() throws Exception {
        signIn(fixtures.user("keeper", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "admin/api-keys.xhtml");

        browser.waitFor(By.id("keys:name")).sendKeys("School platform");
        browser.driver().findElement(By.id("keys:create")).click();
        String key = browser.textOnceShown(By.id("issued-key"));

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/whoami"))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("School platform"), response.body());
        browser.open(base, "admin/api-keys.xhtml");
        browser.waitForText(By.id("keys:table"), key.substring(0, 11));
        assertFalse(
                browser.driver().findElement(By.id("keys:table")).getText().contains(key),
                "the whole key is never shown again");
    }

    @Test
    @DisplayName("the audit trail shows sign-ins and narrows to one user")
    void auditTrailFilters() {
        String watched = fixtures.user("watched", "STAFF", false);
        signIn(watched, "wrong-once");
        browser.waitFor(By.id("login:messages"));
        signIn(fixtures.user("auditor", "ADMIN", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");
        browser.open(base, "admin/audit.xhtml");

        browser.waitFor(By.id("audit:actor")).sendKeys(watched);
        browser.driver().findElement(By.id("audit:apply")).click();
        browser.waitForAjax();

        WebElement table = browser.waitFor(By.id("audit:table"));
        assertTrue(table.getText().contains("Sign-in failed"), table.getText());
        assertEquals(1, table.findElements(By.cssSelector("tbody tr")).size(), table.getText());
        browser.screenshot("admin-audit");
    }

    private void signIn(String username, String password) {
        browser.signIn(base, username, password);
    }

    private void switchLanguage(String tag) {
        browser.waitFor(By.cssSelector("a[data-lang='" + tag + "']")).click();
        browser.waitForUrlEnding(".xhtml");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> tag.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    private void changePassword(String current, String fresh) {
        browser.waitFor(By.id("password:current")).sendKeys(current);
        browser.driver().findElement(By.id("password:new")).sendKeys(fresh);
        browser.driver().findElement(By.id("password:confirm")).sendKeys(fresh);
        browser.driver().findElement(By.id("password:save")).click();
    }
}
