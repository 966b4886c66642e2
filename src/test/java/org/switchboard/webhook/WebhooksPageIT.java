package org.switchboard.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;
import org.switchboard.testing.WebhookReceiver;

/** An admin registers the school platform's receiver on the webhooks page and follows its deliveries. */
@ContainerTest
@Tag("browser")
class WebhooksPageIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    @DisplayName("an admin adds a webhook, gets its secret once, follows its deliveries live, gives it a new secret,"
            + " pauses and deletes it")
    void adminAddsAWebhookAndFollowsItsDeliveries() {
        Fixtures fixtures = new Fixtures(base);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            browser.signIn(base, fixtures.user("hooks", "ADMIN", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "webhook/index.xhtml");

            browser.waitFor(By.id("webhooks:url")).sendKeys("ftp://platform.school.example/sms");
            browser.click(By.id("webhooks:add"));
            browser.waitForText(By.id("messages"), "Give an http:// or https:// URL");

            browser.driver().findElement(By.id("webhooks:url")).clear();
            browser.driver().findElement(By.id("webhooks:url")).sendKeys(receiver.url());
            browser.click(By.id("webhooks:add"));
            String secret = browser.textOnceShown(By.id("issued-secret"));
            assertTrue(secret.startsWith("whsec_"), secret);
            browser.waitForText(By.id("webhooks:table"), receiver.url());

            Fixtures.Phone paired = fixtures.phone("webhook-page");
            try (TestPhone phone = TestPhone.connect(base, paired.token())) {
                phone.hello();
                String text = Fixtures.uniqueName("Bien reçu");
                receive(phone, text);
                WebhookReceiver.Request request =
                        receiver.await(r -> r.json().getString("text").equals(text));
                assertTrue(request.isSignedWith(secret), "signed with the secret the page showed");
                assertTrue(fixtures.webhookAttemptEnded(request.header("X-Switchboard-Delivery"), "DELIVERED"));

                browser.open(base, "webhook/index.xhtml");
                browser.waitForText(By.id("webhooks:table"), receiver.url());
                assertFalse(browser.driver().getPageSource().contains(secret), "the secret is never shown again");
                browser.click(By.xpath(row(receiver.url()) + "//button[contains(@id, ':deliveries')]"));
                browser.waitForText(By.id("webhooks:deliveryTable"), "sms.received");
                browser.waitForText(By.id("webhooks:deliveryTable"), "Delivered");
                browser.waitForText(By.id("webhooks:deliveryTable"), "200");
                browser.screenshot("sms-webhooks");

                String later = Fixtures.uniqueName("Encore");
                receive(phone, later);
                WebhookReceiver.Request second =
                        receiver.await(r -> r.json().getString("text").equals(later));
                assertTrue(fixtures.webhookAttemptEnded(second.header("X-Switchboard-Delivery"), "DELIVERED"));
                browser.waitForCount(By.cssSelector("tbody[id='webhooks:deliveryTable_data'] > tr"), 2);

                browser.click(By.xpath(row(receiver.url()) + "//button[contains(@id, ':renew')]"));
                browser.waitForAnimations();
                browser.click(By.cssSelector(".ui-confirmdialog-yes"));
                String renewed = browser.textOnceShown(By.id("issued-secret"));
                assertTrue(renewed.startsWith("whsec_") && !renewed.equals(secret), renewed);
                String afterRenewal = Fixtures.uniqueName("Nouveau secret");
                receive(phone, afterRenewal);
                WebhookReceiver.Request third =
                        receiver.await(r -> r.json().getString("text").equals(afterRenewal));
                assertTrue(third.isSignedWith(renewed), "signed with the new secret");
                assertFalse(third.isSignedWith(secret), "not with the old one");
                browser.click(By.cssSelector("#secretForm button"));
                browser.waitForAnimations();
            }

            browser.click(By.xpath(row(receiver.url()) + "//button[contains(@id, ':disable')]"));
            browser.waitForText(By.xpath(row(receiver.url())), "Disabled");
            browser.click(By.xpath(row(receiver.url()) + "//button[contains(@id, ':delete')]"));
            browser.waitForAnimations();
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForTextGone(By.id("webhooks:table"), receiver.url());
            assertTrue(fixtures.audit("WEBHOOK_DELETED").contains(receiver.url()));

            browser.open(base, "openapi");
            String openApi = browser.driver().getPageSource();
            assertTrue(
                    openApi.contains("smsStateWebhook") && openApi.contains("SmsReceivedWebhook"),
                    "the payloads are in the OpenAPI document");
        }
    }

    @Test
    @DisplayName("a staff user cannot open the webhooks page")
    void staffCannotOpenTheWebhooksPage() {
        browser.signIn(base, new Fixtures(base).user("curious", "STAFF", false), Fixtures.PASSWORD);
        browser.waitForUrlEnding("/index.xhtml");

        browser.open(base, "webhook/index.xhtml");

        browser.waitForText(By.id("error-page"), "Not allowed");
    }

    private static void receive(TestPhone phone, String text) {
        String id = phone.send("sms_received", "{\"from\": \"50 100 081\", \"text\": \"" + text + "\"}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }

    private static String row(String url) {
        return "//tbody[@id='webhooks:table_data']/tr[contains(., '" + url + "')]";
    }
}
