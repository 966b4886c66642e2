package org.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * Calls as phones report them, with a real WebSocket client as the phone: the seed's event sequences, version-1
 * reports with call ids, phones that repeat themselves or vanish mid-call, and the commands users give reaching the
 * right phone. Every read follows a frame that proves the server committed what came before (the answer to a seed
 * phone's next frame, the acknowledgement of a version-1 report) or waits for the state with a deadline.
 */
@ContainerTest
class CallLifecycleIT {

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
    void aSeedCallRingingThenStartedThenEndedIsCompletedAndRepeatedFramesChangeNothing() {
        String local = localNumber();
        String surname = "Caller" + Fixtures.uniqueName("").substring(1, 6);
        fixtures.contact(
                Fixtures.uniqueName("g"),
                """
                {"firstName": "Amel", "lastName": "%s", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}]}
                """
                        .formatted(surname, local));
        Fixtures.Phone paired = fixtures.phone("seed-call");
        try (TestPhone phone = seedPhone(paired)) {
            seed(phone, "CALL_INCOMING", local);
            seed(phone, "CALL_INCOMING", local);
            String ringing = fixtures.callsOnce(paired.id(), "RINGING");
            assertEquals(1, ringing.lines().count(), ringing);
            assertTrue(ringing.contains("INCOMING RINGING number=+216" + local), ringing);
            assertTrue(ringing.contains("contact=Amel " + surname), ringing);

            seed(phone, "CALL_STARTED", local);
            seed(phone, "CALL_STARTED", local);
            seed(phone, "CALL_ENDED", local);
            seed(phone, "CALL_ENDED", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertEquals(1, calls.lines().count(), calls);
        assertTrue(calls.contains("INCOMING COMPLETED") && calls.contains("answered=true"), calls);
    }

    @Test
    void aSeedCallThatRingsOutIsMissedAndOneRejectedFromSwitchboardIsRejected() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("seed-missed");
        String secretary = fixtures.user("secretary", "STAFF", false);
        try (TestPhone phone = seedPhone(paired)) {
            seed(phone, "CALL_INCOMING", local);
            seed(phone, "CALL_ENDED", local);
            assertTrue(fixtures.callsOnce(paired.id(), "MISSED").contains("INCOMING MISSED"));

            seed(phone, "CALL_INCOMING", local);
            long second = callId(fixtures.callsOnce(paired.id(), "RINGING"), "RINGING");
            fixtures.calls("calls", "reject", "user", secretary, "call", String.valueOf(second));
            phone.await("Reject");
            seed(phone, "CALL_ENDED", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "REJECTED");
        assertTrue(calls.lines().findFirst().orElseThrow().contains("INCOMING MISSED"), calls);
        assertTrue(calls.contains(second(calls) + " INCOMING REJECTED"), calls);
        assertTrue(calls.contains("rejectedBy=" + secretary), calls);
        assertTrue(fixtures.audit("CALL_REJECTED").contains("call " + second(calls)));
    }

    @Test
    void aSeedCallStartedWithoutRingingIsOutgoing() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("seed-out");
        try (TestPhone phone = seedPhone(paired)) {
            seed(phone, "CALL_STARTED", local);
            seed(phone, "CALL_ENDED", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertEquals(1, calls.lines().count(), calls);
        assertTrue(calls.contains("OUTGOING COMPLETED number=+216" + local), calls);
    }

    @Test
    void versionOneReportsAreMatchedByCallIdAndTheFirstUserToAnswerTakesTheCall() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("v1-call");
        String first = fixtures.user("first", "STAFF", false);
        String second = fixtures.user("second", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String ringing = "{\"action\": \"call_state\", \"id\": \"r-" + local + "\", \"data\": {\"call\": \"c-1\","
                    + " \"state\": \"ringing\", \"direction\": \"incoming\", \"number\": \"+216" + local + "\"}}";
            phone.send(ringing);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("r-" + local));
            phone.send(ringing);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("r-" + local));
            String calls = fixtures.callsOnce(paired.id(), "RINGING");
            assertEquals(1, calls.lines().count(), calls);
            long call = callId(calls, "RINGING");

            fixtures.calls("calls", "answer", "user", first, "call", String.valueOf(call));
            JsonObject answer = phone.await("answer");
            assertEquals("c-1", answer.getJsonObject("data").getString("call"));
            IllegalStateException taken = assertThrows(
                    IllegalStateException.class,
                    () -> fixtures.calls("calls", "answer", "user", second, "call", String.valueOf(call)));
            assertTrue(taken.getMessage().contains("409"), taken.getMessage());

            report(phone, "c-1", "active", local);
            report(phone, "c-1", "active", local);
            report(phone, "c-1", "ended", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertEquals(1, calls.lines().count(), calls);
        assertTrue(calls.contains("INCOMING COMPLETED") && calls.contains("handledBy=" + first), calls);
        assertTrue(fixtures.audit("CALL_ANSWERED").contains("call " + callId(calls, "COMPLETED")));
    }

    @Test
    void twoPhonesWithCallsAtOnceEachGetTheirOwnCommands() {
        Fixtures.Phone left = fixtures.phone("left");
        Fixtures.Phone right = fixtures.phone("right");
        String secretary = fixtures.user("secretary", "STAFF", false);
        String leftNumber = localNumber();
        String rightNumber = localNumber();
        try (TestPhone leftPhone = TestPhone.connect(base, left.token());
                TestPhone rightPhone = TestPhone.connect(base, right.token())) {
            leftPhone.hello();
            rightPhone.hello();
            report(leftPhone, "L-1", "ringing", leftNumber);
            report(rightPhone, "R-1", "ringing", rightNumber);
            long leftCall = callId(fixtures.callsOnce(left.id(), "RINGING"), "RINGING");
            long rightCall = callId(fixtures.callsOnce(right.id(), "RINGING"), "RINGING");

            fixtures.calls("calls", "answer", "user", secretary, "call", String.valueOf(rightCall));
            fixtures.calls("calls", "reject", "user", secretary, "call", String.valueOf(leftCall));
            assertEquals("R-1", rightPhone.await("answer").getJsonObject("data").getString("call"));
            assertEquals("L-1", leftPhone.await("reject").getJsonObject("data").getString("call"));
            assertTrue(
                    rightPhone.framesSoFar().stream().noneMatch(f -> action(f).equals("reject")));
            assertTrue(leftPhone.framesSoFar().stream().noneMatch(f -> action(f).equals("answer")));

            report(rightPhone, "R-1", "active", rightNumber);
            report(leftPhone, "L-1", "ended", leftNumber);
            fixtures.calls("calls", "dtmf", "user", secretary, "call", String.valueOf(rightCall), "digits", "12#");
            JsonObject tones = rightPhone.await("dtmf");
            assertEquals("12#", tones.getJsonObject("data").getString("digits"));
            assertEquals("R-1", tones.getJsonObject("data").getString("call"));
            fixtures.calls("calls", "hangUp", "user", secretary, "call", String.valueOf(rightCall));
            assertEquals(
                    "R-1", rightPhone.await("hang_up").getJsonObject("data").getString("call"));
            report(rightPhone, "R-1", "ended", rightNumber);
        }
        assertTrue(fixtures.callsOnce(left.id(), "REJECTED").contains("INCOMING REJECTED"));
        String rightCalls = fixtures.callsOnce(right.id(), "COMPLETED");
        assertTrue(rightCalls.contains("handledBy=" + secretary) && rightCalls.contains("endedBy=" + secretary));
        assertTrue(fixtures.audit("CALL_DTMF_SENT").contains("3 tones"), "the trail counts tones, not digits");
    }

    @Test
    void aControlRefusedWithTheLongestReasonIsShownCutToItsColumn() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("long-reason");
        String secretary = fixtures.user("secretary", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "lr-1", "ringing", local);
            report(phone, "lr-1", "active", local);
            String call = String.valueOf(callId(fixtures.callsOnce(paired.id(), "ACTIVE"), "ACTIVE"));

            fixtures.calls("calls", "mute", "user", secretary, "call", call);
            JsonObject mute = phone.await("mute");
            String result = phone.send(
                    "result",
                    "{\"ref\": \"" + mute.getString("id") + "\", \"ok\": false, \"reason\": \"" + "r".repeat(255)
                            + "\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));

            String calls = fixtures.callsOnce(paired.id(), "failure=FAILED");
            assertTrue(
                    calls.contains("failure=FAILED: " + "r".repeat(255 - "FAILED: ".length()) + " muted=false"), calls);
        }
    }

    @Test
    void muteIsAskedOfThePhoneAndTakenBackWhenThePhoneCannot() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("mute");
        String secretary = fixtures.user("secretary", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "m-1", "ringing", local);
            report(phone, "m-1", "active", local);
            String call = String.valueOf(callId(fixtures.callsOnce(paired.id(), "ACTIVE"), "ACTIVE"));

            fixtures.calls("calls", "mute", "user", secretary, "call", call);
            JsonObject refused = phone.await("mute");
            assertEquals("m-1", refused.getJsonObject("data").getString("call"));
            assertTrue(refused.getJsonObject("data").getBoolean("muted"));
            String result = phone.send(
                    "result",
                    "{\"ref\": \"" + refused.getString("id") + "\", \"ok\": false, \"reason\": \"UNSUPPORTED\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));
            String calls = fixtures.callsOnce(paired.id(), "UNSUPPORTED");
            assertTrue(calls.contains("muted=false"), calls);

            fixtures.calls("calls", "mute", "user", secretary, "call", call);
            JsonObject mute = phone.await(
                    f -> action(f).equals("mute") && !f.getString("id").equals(refused.getString("id")));
            assertTrue(mute.getJsonObject("data").getBoolean("muted"));
            phone.send("result", "{\"ref\": \"" + mute.getString("id") + "\", \"ok\": true}");
            assertTrue(fixtures.callsOnce(paired.id(), "muted=true").contains("failure=null"));
            fixtures.calls("calls", "mute", "user", secretary, "call", call);
            JsonObject unmute = phone.await(
                    f -> action(f).equals("mute") && !f.getJsonObject("data").getBoolean("muted"));
            assertEquals("m-1", unmute.getJsonObject("data").getString("call"));
            assertTrue(fixtures.audit("CALL_MUTED").contains("call " + call + " "));
            assertTrue(fixtures.audit("CALL_UNMUTED").contains("call " + call + " "));
        }
    }

    @Test
    void aPhoneLostMidCallLeavesTheCallUnknownUntilItsNextReport() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("lost");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "c-9", "ringing", local);
            report(phone, "c-9", "active", local);
            phone.drop();
        }
        assertTrue(fixtures.callsOnce(paired.id(), "UNKNOWN").contains("INCOMING UNKNOWN"));
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "c-9", "ended", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertEquals(1, calls.lines().count(), calls);
        assertTrue(calls.contains("answered=true"), calls);
    }

    @Test
    void aCallPlacedFromSwitchboardReachesThePhoneAndFollowsItsReports() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("placing");
        String secretary = fixtures.user("secretary", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String id = fixtures.calls(
                    "calls", "place", "user", secretary, "number", local, "device", String.valueOf(paired.id()));
            JsonObject command = phone.await("call");
            assertEquals("+216" + local, command.getJsonObject("data").getString("to"));
            phone.send("ack", "{\"ref\": \"" + command.getString("id") + "\"}");
            String dialing = phone.send(
                    "call_state",
                    "{\"call\": \"o-1\", \"state\": \"dialing\", \"direction\": \"outgoing\", \"number\": \"+216"
                            + local + "\", \"ref\": \"" + command.getString("id") + "\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(dialing));
            assertTrue(fixtures.callsOnce(paired.id(), "DIALING").contains(id + " OUTGOING DIALING"));
            report(phone, "o-1", "active", local);
            fixtures.calls("calls", "notes", "user", secretary, "call", id, "notes", "Rappeler jeudi");
            report(phone, "o-1", "ended", local);
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertEquals(1, calls.lines().count(), calls);
        assertTrue(calls.contains("phoneCall=o-1 placedBy=" + secretary), calls);
        assertTrue(calls.contains("notes=Rappeler jeudi"), calls);
        assertTrue(fixtures.audit("CALL_PLACED").contains("call " + callId(calls, "COMPLETED")));
    }

    @Test
    void aCallThePhoneCannotPlaceFailsWithItsReasonAndNoConnectedPhoneIsRefusedAtOnce() {
        String local = localNumber();
        Fixtures.Phone paired = fixtures.phone("busy");
        String secretary = fixtures.user("secretary", "STAFF", false);
        IllegalStateException offline = assertThrows(
                IllegalStateException.class,
                () -> fixtures.calls(
                        "calls", "place", "user", secretary, "number", local, "device", String.valueOf(paired.id())));
        assertTrue(offline.getMessage().contains("calls.error.noPhone"), offline.getMessage());
        IllegalStateException invalid = assertThrows(
                IllegalStateException.class,
                () -> fixtures.calls("calls", "place", "user", secretary, "number", "12ab"));
        assertTrue(invalid.getMessage().contains("error.phone.invalid"), invalid.getMessage());

        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            fixtures.calls("calls", "place", "user", secretary, "number", local, "device", String.valueOf(paired.id()));
            JsonObject command = phone.await("call");
            String result = phone.send(
                    "result", "{\"ref\": \"" + command.getString("id") + "\", \"ok\": false, \"reason\": \"BUSY\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));
        }
        String calls = fixtures.callsOnce(paired.id(), "FAILED");
        assertTrue(calls.contains("OUTGOING FAILED") && calls.contains("reason=BUSY"), calls);
    }

    private TestPhone seedPhone(Fixtures.Phone paired) {
        return TestPhone.connectWithQuery(base, "token=" + paired.token() + "&protocol=seed");
    }

    /** Sends a seed frame, then one the server refuses: seed frames are handled in order, so the first is done. */
    private static void seed(TestPhone phone, String action, String number) {
        phone.send("{\"action\": \"" + action + "\", \"data\": {\"number\": \"" + number + "\", \"name\": \"\"}}");
        phone.send("{\"action\": \"phone_status\", \"data\": \"unknown\"}");
        phone.await("error");
    }

    private static void report(TestPhone phone, String call, String state, String local) {
        String id = phone.send(
                "call_state",
                "{\"call\": \"" + call + "\", \"state\": \"" + state + "\", \"number\": \"+216" + local + "\"}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }

    private static long callId(String calls, String state) {
        return calls.lines()
                .filter(line -> line.contains(" " + state + " "))
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(' '))))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + state + " call in " + calls));
    }

    private static long second(String calls) {
        return Long.parseLong(calls.lines().skip(1).findFirst().orElseThrow().split(" ")[0]);
    }

    /** A Tunisian mobile number no other test uses. */
    private static String localNumber() {
        return "5" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
    }
}
