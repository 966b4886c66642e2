package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * An SMS's life from the queue to the recipient's handset, with a real WebSocket client as the phone. Every read of a
 * message's state follows a frame that proves the server committed it (the command reaching the phone, the server's
 * acknowledgement of a report, a ping's answer), so no test waits on time.
 */
@ContainerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmsLifecycleIT {

    private static final String LONG_TEXT = "Chers parents, la réunion de rentrée aura lieu jeudi à 18h dans la salle"
            + " polyvalente. Merci de confirmer votre présence auprès du secrétariat avant mardi. Bonne soirée.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(base);
    }

    @Test
    @Order(1)
    void whenAPhoneDropsBeforeAcknowledgingASecondPhoneTakesOverAndNothingIsSentTwice() {
        Fixtures.Phone first = fixtures.phone("first");
        Fixtures.Phone second = fixtures.phone("second");
        String text = Fixtures.uniqueName("Sortie annulée demain");
        long id;
        String firstCommand;
        try (TestPhone phone = TestPhone.connect(base, first.token())) {
            phone.hello();
            id = fixtures.sms(null, text, "+21650100001").get(0);
            firstCommand = phone.awaitSms(text).getString("id");
            assertTrue(fixtures.smsState(id).startsWith("DISPATCHED device=" + first.id()));
            phone.drop();
        }
        try (TestPhone taker = TestPhone.connect(base, second.token())) {
            taker.hello();
            JsonObject command = taker.awaitSms(text);
            taker.send("ack", "{\"ref\": \"" + command.getString("id") + "\"}");
            taker.framesSoFar();
        }
        assertTrue(
                fixtures.smsState(id).startsWith("SENT_TO_PHONE device=" + second.id() + " attempts=2"),
                fixtures.smsState(id));
        assertTrue(fixtures.smsState(id).endsWith("| QUEUED DISPATCHED QUEUED DISPATCHED SENT_TO_PHONE"));
        try (TestPhone back = TestPhone.connect(base, first.token())) {
            back.hello();
            assertTrue(
                    back.framesSoFar().stream()
                            .noneMatch(f -> action(f).equals("send_sms")
                                    && f.getString("id").equals(firstCommand)),
                    "the first phone never gets it again");
        }
        assertTrue(fixtures.read("commands", first.id()).contains(firstCommand + " CANCELLED"));
    }

    @Test
    void aLongMessageIsSentThenDeliveredPartByPartWhateverOrderTheReportsComeIn() {
        Fixtures.Phone paired = fixtures.phone("lifecycle");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String text = LONG_TEXT + " " + Fixtures.uniqueName("ref");
            long id = fixtures.sms(paired.id(), text, "+21650100002").get(0);
            String command = phone.awaitSms(text).getString("id");
            phone.send("ack", "{\"ref\": \"" + command + "\"}");
            phone.framesSoFar();
            assertTrue(fixtures.smsState(id).startsWith("SENT_TO_PHONE"), fixtures.smsState(id));

            report(phone, command, 1, "sent", null);
            assertTrue(fixtures.smsState(id).startsWith("SENT_TO_PHONE"), "one part of two is not the message");
            report(phone, command, 2, "delivered", null);
            assertTrue(fixtures.smsState(id).startsWith("SENT "), fixtures.smsState(id));
            report(phone, command, 1, "sent", null);
            report(phone, command, 1, "delivered", null);
            report(phone, command, 1, "sent", null);

            assertEquals(
                    "DELIVERED device=" + paired.id() + " attempts=1 reason=null"
                            + " | QUEUED DISPATCHED SENT_TO_PHONE SENT DELIVERED",
                    fixtures.smsState(id));
        }
    }

    @Test
    void aPartThatFailsFailsTheMessageWithThePhonesReason() {
        Fixtures.Phone paired = fixtures.phone("failing");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String text = LONG_TEXT + " " + Fixtures.uniqueName("ref");
            long id = fixtures.sms(paired.id(), text, "+21650100003").get(0);
            String command = phone.awaitSms(text).getString("id");

            report(phone, command, 1, "sent", null);
            report(phone, command, 2, "failed", "GENERIC_FAILURE");
            String result = phone.send(
                    "result", "{\"ref\": \"" + command + "\", \"ok\": false, \"reason\": \"GENERIC_FAILURE\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));

            assertEquals(
                    "FAILED device=" + paired.id() + " attempts=1 reason=GENERIC_FAILURE"
                            + " | QUEUED DISPATCHED SENT_TO_PHONE FAILED",
                    fixtures.smsState(id));
        }
    }

    @Test
    void aMessageThatNeverLeftThePhoneIsTriedAgainLater() {
        Fixtures.Phone paired = fixtures.phone("radio-off");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String text = Fixtures.uniqueName("Bonjour");
            long id = fixtures.sms(paired.id(), text, "+21650100004").get(0);
            String command = phone.awaitSms(text).getString("id");

            String result =
                    phone.send("result", "{\"ref\": \"" + command + "\", \"ok\": false, \"reason\": \"RADIO_OFF\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));

            assertEquals(
                    "QUEUED device=null attempts=1 reason=RADIO_OFF | QUEUED DISPATCHED SENT_TO_PHONE QUEUED",
                    fixtures.smsState(id));
        }
    }

    @Test
    void anIncomingSmsIsStoredOnceAndASeedPhonesOwnSmsToo() {
        Fixtures.Phone paired = fixtures.phone("inbox");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String frame =
                    """
                    {"action": "sms_received", "id": "in-1", "data": {"from": "50 100 005", "text": "Merci, bien reçu"}}""";
            phone.send(frame);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("in-1"));
            phone.send(frame);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("in-1"));

            assertEquals("RECEIVED Merci, bien reçu", fixtures.incoming("+21650100005"));
        }
        Fixtures.Phone seed = fixtures.phone("seed-inbox");
        try (TestPhone phone = TestPhone.connectWithQuery(base, "token=" + seed.token())) {
            phone.send("{\"action\": \"SMS\", \"data\": {\"number\": \"50100006\", \"name\": \"\","
                    + " \"Content\": \"À demain\", \"Type\": \"Sends\"}}");
            // A seed phone's frames are handled in order: the error for the next one means the SMS is stored.
            phone.send("{\"action\": \"phone_status\", \"data\": \"unknown\"}");
            phone.await("error");
        }
        assertEquals("SENT_FROM_PHONE À demain", fixtures.incoming("+21650100006"));
    }

    private static void report(TestPhone phone, String command, int part, String state, String reason) {
        String id = phone.send(
                "sms_status",
                "{\"ref\": \"" + command + "\", \"part\": " + part + ", \"parts\": 2, \"state\": \"" + state + "\""
                        + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }
}
