package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * A bulk send followed as a campaign: paused, it keeps its messages in the queue while other messages go; resumed, it
 * goes on; cancelled, it keeps only what a phone already has. A real WebSocket client is the phone.
 */
@ContainerTest
class SmsCampaignIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aPausedCampaignWaitsAResumedOneGoesOnACancelledOneKeepsWhatAPhoneHas() {
        Fixtures fixtures = new Fixtures(base);
        Fixtures.Phone paired = fixtures.phone("campaign");
        String text = Fixtures.uniqueName("Réunion des parents jeudi");
        List<Long> ids =
                fixtures.sms(paired.id(), text, "+21650300001", "+21650300002", "+21650300003", "+21650300004");
        long first = ids.get(0);
        assertEquals("true", fixtures.campaign(first, "pause"));
        assertEquals("false", fixtures.campaign(first, "pause"), "a paused campaign is not paused again");

        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            // Queued after the campaign, so dispatched after it, were it not paused.
            String alone = Fixtures.uniqueName("Message seul");
            fixtures.sms(paired.id(), alone, "+21650300009");
            phone.awaitSms(alone);
            assertTrue(
                    phone.framesSoFar().stream().noneMatch(frame -> isSms(frame, text)),
                    "nothing of the paused campaign reached the phone");
            assertTrue(fixtures.campaign(first, "progress").startsWith("status=PAUSED total=4 waiting=4 "));

            assertEquals("true", fixtures.campaign(first, "resume"));
            List<String> commands = new ArrayList<>();
            while (commands.size() < 4) {
                commands.add(phone.await(frame -> isSms(frame, text) && !commands.contains(frame.getString("id")))
                        .getString("id"));
            }
            phone.send("ack", "{\"ref\": \"" + commands.get(0) + "\"}");
            phone.send("ack", "{\"ref\": \"" + commands.get(1) + "\"}");
            delivered(phone, commands.get(0));

            assertEquals("2", fixtures.campaign(first, "cancel"), "the two messages no phone acknowledged");
            assertEquals(
                    "status=CANCELLED total=4 waiting=0 sending=1 delivered=1 failed=0 cancelled=2 percent=75"
                            + " finished=false",
                    fixtures.campaign(first, "progress"));
            long cancelled = ids.stream()
                    .filter(id -> fixtures.smsState(id).startsWith("CANCELLED"))
                    .count();
            assertEquals(2, cancelled);
            assertTrue(ids.stream()
                    .filter(id -> fixtures.smsState(id).startsWith("CANCELLED"))
                    .allMatch(id -> fixtures.smsState(id).endsWith("QUEUED DISPATCHED CANCELLED")));
            assertTrue(fixtures.audit("SMS_CAMPAIGN_CANCELLED").contains("2 message(s) cancelled"));

            delivered(phone, commands.get(1));
            assertEquals(
                    "status=CANCELLED total=4 waiting=0 sending=0 delivered=2 failed=0 cancelled=2 percent=100"
                            + " finished=true",
                    fixtures.campaign(first, "progress"));
        }
    }

    @Test
    void aPhoneWithItsOwnPaceIsGivenNoMoreThanItAMinute() {
        Fixtures fixtures = new Fixtures(base);
        Fixtures.Phone slow = fixtures.phone("slow");
        Fixtures.Phone quick = fixtures.phone("quick");
        fixtures.command(slow.id(), "command", "pace", "parts", "1");
        assertTrue(fixtures.audit("PHONE_PACE_CHANGED").contains(slow.name() + " SUCCESS 1 SMS parts a minute"));
        String text = Fixtures.uniqueName("Rythme");
        String after = Fixtures.uniqueName("Ensuite");
        try (TestPhone slowPhone = TestPhone.connect(base, slow.token());
                TestPhone quickPhone = TestPhone.connect(base, quick.token())) {
            slowPhone.hello();
            quickPhone.hello();
            List<Long> paced = fixtures.sms(slow.id(), text, "+21650300011", "+21650300012");
            slowPhone.awaitSms(text);
            // Queued later, so considered after the second paced message in the same dispatch or a later one.
            fixtures.sms(quick.id(), after, "+21650300013");
            quickPhone.awaitSms(after);

            assertEquals(
                    1,
                    slowPhone.framesSoFar().stream()
                            .filter(frame -> isSms(frame, text))
                            .count(),
                    "one part a minute: the second message waits");
            assertTrue(fixtures.smsState(paced.get(1)).startsWith("QUEUED"), fixtures.smsState(paced.get(1)));
        }
    }

    private static boolean isSms(JsonObject frame, String text) {
        return action(frame).equals("send_sms")
                && text.equals(frame.getJsonObject("data").getString("text", ""));
    }

    private static void delivered(TestPhone phone, String command) {
        for (String state : List.of("SENT", "DELIVERED")) {
            String id = phone.send(
                    "sms_status",
                    "{\"ref\": \"" + command + "\", \"part\": 1, \"parts\": 1, \"state\": \"" + state + "\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
        }
    }
}
