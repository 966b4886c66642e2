package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
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
    void whenAPhoneStaysAwayBeforeAcknowledgingASecondPhoneTakesOverAndNothingIsSentTwice() {
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

    /**
     * The first phone had sent the message and lost its acknowledgement with its connection; it stayed away long enough
     * for a second phone to be given the message. Its late report makes the first hand-over the message's again and
     * withdraws the second; when the second phone turns out to have had its copy too, the audit trail says so.
     */
    @Test
    @Order(2)
    void aLateReportOnAnEarlierHandOverCountsAndASecondCopyIsReported() {
        Fixtures.Phone first = fixtures.phone("late-first");
        Fixtures.Phone second = fixtures.phone("late-second");
        String text = Fixtures.uniqueName("Cantine fermée vendredi");
        long id;
        String firstCommand;
        try (TestPhone phone = TestPhone.connect(base, first.token())) {
            phone.hello();
            id = fixtures.sms(null, text, "+21650100008").get(0);
            firstCommand = phone.awaitSms(text).getString("id");
            phone.drop();
        }
        try (TestPhone taker = TestPhone.connect(base, second.token())) {
            taker.hello();
            String secondCommand = taker.awaitSms(text).getString("id");
            try (TestPhone back = TestPhone.connect(base, first.token())) {
                back.hello();
                String report = back.send(
                        "sms_status",
                        "{\"ref\": \"" + firstCommand + "\", \"part\": 1, \"parts\": 1, \"state\": \"sent\"}");
                back.await(f -> action(f).equals("ack") && ref(f).equals(report));
            }
            assertEquals(
                    "SENT device=" + first.id() + " attempts=2 reason=null"
                            + " | QUEUED DISPATCHED QUEUED DISPATCHED DISPATCHED SENT_TO_PHONE SENT",
                    fixtures.smsState(id));
            assertTrue(fixtures.read("commands", second.id()).contains(secondCommand + " CANCELLED"));

            taker.send("ack", "{\"ref\": \"" + secondCommand + "\"}");
            taker.framesSoFar();
        }
        assertTrue(
                fixtures.audit("SMS_HANDED_OVER_TWICE").contains("+21650100008 FAILURE message " + id + ":"),
                fixtures.audit("SMS_HANDED_OVER_TWICE"));
        assertTrue(fixtures.smsState(id).startsWith("SENT device=" + first.id()), fixtures.smsState(id));
    }

    /** Handed back to a phone that had it before, a message goes under the id that phone was given. */
    @Test
    @Order(3)
    void aMessageBackOnAPhoneThatHadItComesUnderTheSameId() {
        Fixtures.Phone first = fixtures.phone("again-first");
        Fixtures.Phone second = fixtures.phone("again-second");
        String text = Fixtures.uniqueName("Photo de classe lundi");
        long id;
        String firstCommand;
        try (TestPhone phone = TestPhone.connect(base, first.token())) {
            phone.hello();
            id = fixtures.sms(null, text, "+21650100009").get(0);
            firstCommand = phone.awaitSms(text).getString("id");
            phone.drop();
        }
        try (TestPhone taker = TestPhone.connect(base, second.token())) {
            taker.hello();
            taker.awaitSms(text);
            taker.drop();
        }
        try (TestPhone back = TestPhone.connect(base, first.token())) {
            back.hello();
            assertEquals(firstCommand, back.awaitSms(text).getString("id"));
            back.send("ack", "{\"ref\": \"" + firstCommand + "\"}");
            back.framesSoFar();
        }
        assertEquals(
                "SENT_TO_PHONE device=" + first.id() + " attempts=3 reason=phone away: handed to another phone"
                        + " | QUEUED DISPATCHED QUEUED DISPATCHED QUEUED DISPATCHED SENT_TO_PHONE",
                fixtures.smsState(id));
    }

    /**
     * The phone drops at each point of the exchange where an acknowledgement can be lost: before acknowledging the
     * command, after acknowledging it, after reporting the part sent, after reporting the outcome. The command comes
     * again under the same id until it is acknowledged, never after, and each report counts once.
     */
    @Test
    void anSmsWhoseAcknowledgementIsLostIsSentAgainUnderTheSameIdAndCountedOnce() {
        Fixtures.Phone paired = fixtures.phone("lost-acks");
        String text = Fixtures.uniqueName("Réunion parents-professeurs");
        long id = fixtures.sms(paired.id(), text, "+21650100007").get(0);
        String command;
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            command = phone.awaitSms(text).getString("id");
            phone.drop();
        }
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            assertEquals(command, phone.awaitSms(text).getString("id"));
            phone.send("ack", "{\"ref\": \"" + command + "\"}");
            phone.framesSoFar();
            phone.drop();
        }
        assertTrue(fixtures.smsState(id).startsWith("SENT_TO_PHONE"), fixtures.smsState(id));
        String sent = "{\"action\": \"sms_status\", \"id\": \"" + Fixtures.uniqueName("sent")
                + "\", \"data\": {\"ref\": \"" + command + "\", \"part\": 1, \"parts\": 1, \"state\": \"sent\"}}";
        String outcome = "{\"action\": \"result\", \"id\": \"" + Fixtures.uniqueName("result")
                + "\", \"data\": {\"ref\": \"" + command + "\", \"ok\": true}}";
        for (String report : List.of(sent, outcome)) {
            try (TestPhone phone = TestPhone.connect(base, paired.token())) {
                phone.hello();
                phone.send(report);
                phone.drop();
            }
            try (TestPhone phone = TestPhone.connect(base, paired.token())) {
                phone.hello();
                String reportId =
                        Json.createReader(new StringReader(report)).readObject().getString("id");
                phone.send(report);
                phone.await(f -> action(f).equals("ack") && ref(f).equals(reportId));
                assertTrue(
                        phone.framesSoFar().stream().noneMatch(f -> action(f).equals("send_sms")),
                        "an acknowledged command is not sent again");
            }
        }
        assertEquals(
                "SENT device=" + paired.id() + " attempts=1 reason=null | QUEUED DISPATCHED SENT_TO_PHONE SENT",
                fixtures.smsState(id));
        assertTrue(fixtures.read("commands", paired.id()).contains(command + " SUCCEEDED"));
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
