package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * The campaigns page says why a campaign waits. A server of its own: a message another test left unacknowledged
 * would go to this test's phone and take its minute's pace.
 */
@ContainerTest
@Tag("browser")
class SmsCampaignsPageIT {

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void aCampaignHeldBackByThePaceSaysSoAndWhenTheRestGoesOut() {
        Fixtures fixtures = new Fixtures(base);
        Fixtures.Phone paired = fixtures.phone("paced");
        fixtures.command(paired.id(), "command", "pace", "parts", "1");
        String text = Fixtures.uniqueName("Sortie au musée");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            fixtures.sms(paired.id(), text, "+21650300021", "+21650300022", "+21650300023");
            phone.awaitSms(text);

            browser.signIn(base, fixtures.user("secretary", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            browser.open(base, "sms/campaigns.xhtml");
            By campaign = By.xpath("//tr[.//span[text()='" + text + "']]");
            browser.waitForText(
                    campaign,
                    "Held back by the pace of 1 part a minute: at the current pace, the rest goes out in about"
                            + " 2 minutes, by ");
            browser.screenshot("sms-campaign-paced");
            assertEquals(
                    1,
                    phone.framesSoFar().stream()
                            .filter(frame -> TestPhone.action(frame).equals("send_sms"))
                            .count(),
                    "one part a minute");
        }
    }
}
