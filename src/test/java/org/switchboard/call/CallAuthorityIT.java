package org.switchboard.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import java.net.URL;
import java.util.List;
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
 * Who may act on a call: whoever answered or placed it, another staff member only after taking it over, an admin
 * hanging it up. The requests name the call by its id, as a page's buttons do, so a user can name any call: the
 * server must refuse, send the phone nothing, change nothing and record the attempt.
 */
@ContainerTest
class CallAuthorityIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;
    private String local;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(base);
        local = "5" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
    }

    @Test
    void anotherStaffMemberCannotHangUpSendTonesMuteOrRewriteTheNotesOfACallTheyDoNotHandle() {
        Fixtures.Phone paired = fixtures.phone("not-yours");
        String amina = fixtures.user("amina", "STAFF", false);
        String karim = fixtures.user("karim", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String call = answeredAndActive(phone, paired, amina, "a-1");
            fixtures.calls("calls", "notes", "user", amina, "call", call, "notes", "Rendez-vous jeudi");

            refused("calls.error.handledBy", "hangUp", karim, call);
            refused("calls.error.handledBy", "dtmf", karim, call, "digits", "1234#");
            refused("calls.error.handledBy", "mute", karim, call);
            refused("calls.error.handledBy", "notes", karim, call, "notes", "Overwritten");

            fixtures.calls("calls", "dtmf", "user", amina, "call", call, "digits", "9");
            phone.await("dtmf");
            assertEquals(List.of("answer", "dtmf 9"), commandsReceived(phone), "commands reach a phone in order");
            String calls = fixtures.callsOnce(paired.id(), "ACTIVE");
            assertTrue(calls.contains("handledBy=" + amina), calls);
            assertTrue(calls.contains("muted=false notes=Rendez-vous jeudi"), calls);
            for (String action : List.of("CALL_HUNG_UP", "CALL_DTMF_SENT", "CALL_MUTED", "CALL_NOTES_SAVED")) {
                String trail = fixtures.audit(action, karim);
                assertTrue(trail.contains("call " + call + " +216" + local + " DENIED handled by " + amina), trail);
            }
        }
    }

    @Test
    void aStaffMemberWhoTakesOverACallBecomesTheOnlyOneWhoMayActOnIt() {
        Fixtures.Phone paired = fixtures.phone("take-over");
        String amina = fixtures.user("amina", "STAFF", false);
        String karim = fixtures.user("karim", "STAFF", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String call = answeredAndActive(phone, paired, amina, "t-1");

            fixtures.calls("calls", "takeOver", "user", karim, "call", call);
            assertTrue(fixtures.audit("CALL_TAKEN_OVER", karim)
                    .contains("call " + call + " +216" + local + " SUCCESS from " + amina));
            fixtures.calls("calls", "dtmf", "user", karim, "call", call, "digits", "5");
            assertEquals("5", phone.await("dtmf").getJsonObject("data").getString("digits"));
            fixtures.calls("calls", "notes", "user", karim, "call", call, "notes", "Repris par Karim");
            refused("calls.error.handledBy", "hangUp", amina, call);
            refused("calls.error.handledBy", "notes", amina, call, "notes", "Mine again");

            fixtures.calls("calls", "hangUp", "user", karim, "call", call);
            phone.await("hang_up");
            assertEquals(List.of("answer", "dtmf 5", "hang_up"), commandsReceived(phone));
            report(phone, "t-1", "ended");
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertTrue(calls.contains("handledBy=" + karim) && calls.contains("endedBy=" + karim), calls);
        assertTrue(calls.contains("notes=Repris par Karim"), calls);
    }

    @Test
    void anAdminMayHangUpAnyLiveCallButTakesItOverToDoMoreAndMayAnnotateItOnceEnded() {
        Fixtures.Phone paired = fixtures.phone("admin");
        String amina = fixtures.user("amina", "STAFF", false);
        String karim = fixtures.user("karim", "STAFF", false);
        String head = fixtures.user("head", "ADMIN", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String call = answeredAndActive(phone, paired, amina, "h-1");
            refused("calls.error.handledBy", "dtmf", head, call, "digits", "0");
            refused("calls.error.handledBy", "notes", head, call, "notes", "While it goes on");

            fixtures.calls("calls", "hangUp", "user", head, "call", call);
            phone.await("hang_up");
            assertEquals(List.of("answer", "hang_up"), commandsReceived(phone));
            String trail = fixtures.audit("CALL_HUNG_UP", head);
            assertTrue(trail.contains("call " + call + " +216" + local + " SUCCESS handled by " + amina), trail);
            report(phone, "h-1", "ended");
            fixtures.callsOnce(paired.id(), "COMPLETED");

            fixtures.calls("calls", "notes", "user", head, "call", call, "notes", "Ended by the head");
            refused("calls.error.notesOfOthers", "notes", karim, call, "notes", "Not mine");
            fixtures.calls("calls", "notes", "user", amina, "call", call, "notes", "Parent rappellera");
            assertTrue(
                    fixtures.audit("CALL_NOTES_SAVED", karim).contains("call " + call + " +216" + local + " DENIED"));
        }
        String calls = fixtures.callsOnce(paired.id(), "COMPLETED");
        assertTrue(calls.contains("handledBy=" + amina) && calls.contains("endedBy=" + head), calls);
        assertTrue(calls.contains("notes=Parent rappellera"), calls);
    }

    @Test
    void aViewerCannotAnswerRejectOrTakeOverACall() {
        Fixtures.Phone paired = fixtures.phone("viewer");
        String amina = fixtures.user("amina", "STAFF", false);
        String visitor = fixtures.user("visitor", "VIEWER", false);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            report(phone, "v-1", "ringing");
            String call = String.valueOf(callId(fixtures.callsOnce(paired.id(), "RINGING")));
            refused("calls.error.notAllowed", "answer", visitor, call);
            refused("calls.error.notAllowed", "reject", visitor, call);

            fixtures.calls("calls", "answer", "user", amina, "call", call);
            phone.await("answer");
            report(phone, "v-1", "active");
            refused("calls.error.notAllowed", "takeOver", visitor, call);
            fixtures.calls("calls", "hangUp", "user", amina, "call", call);
            phone.await("hang_up");
            assertEquals(List.of("answer", "hang_up"), commandsReceived(phone));
            assertTrue(fixtures.audit("CALL_ANSWERED", visitor).contains("call " + call + " +216" + local + " DENIED"));
        }
    }

    /** An incoming call the user answered, reported in progress by the phone; its id. */
    private String answeredAndActive(TestPhone phone, Fixtures.Phone paired, String user, String phoneCallId) {
        report(phone, phoneCallId, "ringing");
        String call = String.valueOf(callId(fixtures.callsOnce(paired.id(), "RINGING")));
        fixtures.calls("calls", "answer", "user", user, "call", call);
        phone.await("answer");
        report(phone, phoneCallId, "active");
        return call;
    }

    private void refused(String messageKey, String action, String user, String call, String... arguments) {
        String[] parameters = new String[6 + arguments.length];
        System.arraycopy(new String[] {"calls", action, "user", user, "call", call}, 0, parameters, 0, 6);
        System.arraycopy(arguments, 0, parameters, 6, arguments.length);
        IllegalStateException refusal =
                assertThrows(IllegalStateException.class, () -> fixtures.calls(parameters), action + " by " + user);
        assertTrue(refusal.getMessage().contains("409 " + messageKey), refusal.getMessage());
    }

    /** The calls commands the phone received so far, in order; tones with their digits. */
    private static List<String> commandsReceived(TestPhone phone) {
        return phone.framesSoFar().stream()
                .filter(frame ->
                        List.of("answer", "reject", "hang_up", "dtmf", "mute").contains(action(frame)))
                .map(frame -> action(frame).equals("dtmf")
                        ? "dtmf " + frame.getJsonObject("data").getString("digits")
                        : action(frame))
                .toList();
    }

    private void report(TestPhone phone, String call, String state) {
        String id = phone.send(
                "call_state",
                "{\"call\": \"" + call + "\", \"state\": \"" + state + "\", \"number\": \"+216" + local + "\"}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }

    private static long callId(String calls) {
        return calls.lines()
                .reduce((first, last) -> last)
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(' '))))
                .orElseThrow(() -> new AssertionError("no call in " + calls));
    }
}
