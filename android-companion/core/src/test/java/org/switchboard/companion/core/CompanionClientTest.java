package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol client against a real WebSocket server on 127.0.0.1: what goes over the wire, both ways. */
class CompanionClientTest {

    private static final String TOKEN = "sbp_" + "A".repeat(43);
    private static final String COMMAND = "5b8f2c1e-4d7a-4f3e-9c1b-2a6d8e0f7a13";
    private static final String SMS = "{\"action\":\"send_sms\",\"id\":\"" + COMMAND
            + "\",\"data\":{\"to\":\"+21650000002\",\"text\":\"Rappel : réunion jeudi\",\"sim\":1}}";

    @TempDir
    Path state;

    private LocalServer server;
    private RecordingTelephony telephony;
    private CompanionClient client;
    private final StateLog states = new StateLog();

    @BeforeEach
    void server() throws InterruptedException {
        server = LocalServer.started();
        telephony = new RecordingTelephony();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private CompanionClient client() {
        PairingLink link = new PairingLink(URI.create(server.url()), TOKEN, null);
        return new CompanionClient(
                link,
                new CompanionClient.Identity("1.0.0", "14", "Pixel 7"),
                state,
                telephony,
                new WebSocketTransport(),
                Clock.systemUTC(),
                new Random(7),
                new CompanionClient.Timing().backoff(50, 200).minimumSilence(1_500),
                states);
    }

    private void connectAndWelcome(int connection) throws InterruptedException {
        Frames.Frame hello = server.awaitFrame("hello", connection);
        server.send("{\"action\":\"welcome\",\"id\":\"s-1\",\"data\":{\"ref\":\"" + hello.id()
                + "\",\"protocol\":1,\"device\":\"Secrétariat\",\"heartbeatSeconds\":30,\"serverTime\":\""
                + Instant.now() + "\"}}");
        states.await(CompanionClient.State.CONNECTED, connection);
    }

    @Test
    void saysHelloWithItsTokenAndStatusThenAnswersPings() throws InterruptedException {
        client = client();
        client.start();
        Frames.Frame hello = server.awaitFrame("hello", 1);

        assertEquals(List.of("Bearer " + TOKEN), server.authorizations());
        assertEquals(1, hello.integer("protocol"));
        assertEquals("1.0.0", hello.text("app"));
        assertEquals("Pixel 7", hello.text("model"));
        assertEquals(81, hello.data().getAsJsonObject("battery").get("level").getAsInt());
        assertEquals(3, hello.integer("signal"));
        assertEquals(
                "Ooredoo",
                hello.data()
                        .getAsJsonArray("sims")
                        .get(0)
                        .getAsJsonObject()
                        .get("carrier")
                        .getAsString());
        assertTrue(hello.id().length() <= 64);

        connectAndWelcome(1);
        assertEquals("Secrétariat", client.deviceName());
        server.send("{\"action\":\"ping\",\"id\":\"s-17\"}");
        assertEquals("s-17", server.awaitFrame("pong", 1).text("ref"));
    }

    @Test
    void aCommandIsAcknowledgedCarriedOutAndItsPartsReportedUntilAcknowledged() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);

        server.send(SMS);
        assertEquals(COMMAND, server.awaitFrame("ack", 1).text("ref"));
        telephony.await("sendSms " + COMMAND + " +21650000002 Rappel : réunion jeudi sim=1");

        telephony.reports.smsPart(COMMAND, 1, 2, Reports.SmsPartState.SENT, null);
        telephony.reports.smsPart(COMMAND, 2, 2, Reports.SmsPartState.FAILED, "NO_SERVICE");
        telephony.reports.result(COMMAND, false, "NO_SERVICE");
        Frames.Frame first = server.awaitFrame("sms_status", 1);
        Frames.Frame second = server.awaitFrame("sms_status", 2);
        Frames.Frame result = server.awaitFrame("result", 1);

        assertEquals(COMMAND, first.text("ref"));
        assertEquals(1, first.integer("part"));
        assertEquals(2, first.integer("parts"));
        assertEquals("sent", first.text("state"));
        assertEquals("failed", second.text("state"));
        assertEquals("NO_SERVICE", second.text("reason"));
        assertFalse(result.data().get("ok").getAsBoolean());
        assertEquals("NO_SERVICE", result.text("reason"));
        assertEquals(3, client.pendingReports(), "kept until the server acknowledges them");

        for (Frames.Frame report : List.of(first, second, result)) {
            server.send("{\"action\":\"ack\",\"id\":\"s-9\",\"data\":{\"ref\":\"" + report.id() + "\"}}");
        }
        server.send("{\"action\":\"ping\",\"id\":\"s-10\"}");
        server.awaitFrame("pong", 1);
        assertEquals(0, client.pendingReports());
        assertEquals("NO_SERVICE", client.recentCommands().get(0).outcome);
    }

    @Test
    void aRepeatedCommandIsAcknowledgedButNotCarriedOutAgainEvenAfterARestart() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        server.send(SMS);
        server.awaitFrame("ack", 1);
        server.send(SMS);
        assertEquals(COMMAND, server.awaitFrame("ack", 2).text("ref"));

        client.close();
        client = client();
        client.start();
        connectAndWelcome(2);
        server.send(SMS);
        assertEquals(COMMAND, server.awaitFrame("ack", 3).text("ref"));
        server.send("{\"action\":\"ping\",\"id\":\"s-3\"}");
        server.awaitFrame("pong", 1);

        assertEquals(1, telephony.calls().size(), telephony.calls().toString());
    }

    @Test
    void aReportNotAcknowledgedIsSentAgainWithTheSameIdAfterReconnectingAndAfterARestart() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        telephony.reports.smsReceived("+21650000004", "Sami est malade", 0, null);
        Frames.Frame sent = server.awaitFrame("sms_received", 1);

        server.closeCurrent(1001, "server stopping");
        connectAndWelcome(2);
        Frames.Frame again = server.awaitFrame("sms_received", 2);
        assertEquals(sent.id(), again.id());
        assertEquals("Sami est malade", again.text("text"));

        client.close();
        client = client();
        client.start();
        connectAndWelcome(3);
        assertEquals(sent.id(), server.awaitFrame("sms_received", 3).id());
        server.send("{\"action\":\"ack\",\"id\":\"s-4\",\"data\":{\"ref\":\"" + sent.id() + "\"}}");
        server.send("{\"action\":\"ping\",\"id\":\"s-5\"}");
        server.awaitFrame("pong", 1);
        assertEquals(0, client.pendingReports());
    }

    @Test
    void aReportTheServerRefusesAsMalformedIsDroppedButAServerErrorKeepsIt() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        telephony.reports.smsReceived("+21650000004", "one", null, null);
        telephony.reports.smsReceived("+21650000004", "two", null, null);
        Frames.Frame one = server.awaitFrame("sms_received", 1);
        Frames.Frame two = server.awaitFrame("sms_received", 2);
        server.send("{\"action\":\"error\",\"id\":\"s-2\",\"data\":{\"code\":\"INVALID_VALUE\",\"ref\":\"" + one.id()
                + "\"}}");
        server.send("{\"action\":\"error\",\"id\":\"s-3\",\"data\":{\"code\":\"SERVER_ERROR\",\"ref\":\"" + two.id()
                + "\"}}");
        server.send("{\"action\":\"ping\",\"id\":\"s-4\"}");
        server.awaitFrame("pong", 1);

        assertEquals(1, client.pendingReports());
    }

    @Test
    void aCommandPastItsDeadlineIsAcknowledgedAndReportedExpiredNotCarriedOut() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        server.send("{\"action\":\"answer\",\"id\":\"c-late\",\"data\":{\"call\":\"c-7\",\"expiresAt\":\""
                + Instant.now().minusSeconds(5) + "\"}}");
        Frames.Frame result = server.awaitFrame("result", 1);

        assertEquals("c-late", result.text("ref"));
        assertEquals("EXPIRED", result.text("reason"));
        assertEquals(List.of(), telephony.calls());
    }

    @Test
    void muteTurnsTheMicrophoneOffOrOnAndNeedsToBeToldWhich() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        server.send("{\"action\":\"mute\",\"id\":\"c-mute\",\"data\":{\"call\":\"c-7\",\"muted\":true}}");
        assertTrue(server.awaitFrame("result", 1).bool("ok"));
        server.send("{\"action\":\"mute\",\"id\":\"c-vague\",\"data\":{\"call\":\"c-7\"}}");
        Frames.Frame vague = server.awaitFrame("result", 2);

        assertEquals("c-vague", vague.text("ref"));
        assertEquals("INVALID_COMMAND", vague.text("reason"));
        assertEquals(List.of("mute c-mute true"), telephony.calls());
    }

    @Test
    void aCommandMissingItsNumberFailsAsInvalid() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        server.send("{\"action\":\"call\",\"id\":\"c-bad\",\"data\":{}}");

        assertEquals("INVALID_COMMAND", server.awaitFrame("result", 1).text("reason"));
        assertEquals(List.of(), telephony.calls());
    }

    @Test
    void whenTheNetworkComesBackTheClientReconnectsWithoutWaitingOutItsBackoff() throws InterruptedException {
        client = new CompanionClient(
                new PairingLink(URI.create(server.url()), TOKEN, null),
                new CompanionClient.Identity("1.0.0", "14", "Pixel 7"),
                state,
                telephony,
                new WebSocketTransport(),
                Clock.systemUTC(),
                new Random(7),
                new CompanionClient.Timing().backoff(30_000, 30_000),
                states);
        client.start();
        connectAndWelcome(1);
        server.closeCurrent(1001, "server stopping");
        states.await(CompanionClient.State.WAITING, 1);

        // the backoff alone would wait 15 to 30 s, longer than the test's deadline
        client.reconnectNow();
        connectAndWelcome(2);
        assertEquals(2, server.connections());
    }

    @Test
    void aSilentServerIsLeftAndReconnected() throws InterruptedException {
        client = client();
        client.start();
        Frames.Frame hello = server.awaitFrame("hello", 1);
        server.send("{\"action\":\"welcome\",\"id\":\"s-1\",\"data\":{\"ref\":\"" + hello.id()
                + "\",\"protocol\":1,\"heartbeatSeconds\":1}}");
        // no ping follows: after three heartbeat intervals the client gives up on this connection
        server.awaitFrame("hello", 2);
        assertTrue(states.detailsOf(CompanionClient.State.WAITING).stream()
                .anyMatch(detail -> detail.contains("no frame from the server")));
    }

    @Test
    void aRevokedPhoneStopsAndDoesNotReconnectWhileALostOneDoes() throws InterruptedException {
        client = client();
        client.start();
        connectAndWelcome(1);
        server.closeCurrent(4403, "this phone has been revoked");
        states.await(CompanionClient.State.REFUSED, 1);

        // a second phone cut off for an ordinary reason comes back after its backoff (25-50 ms for a first
        // failure, the same as the revoked one would have waited)
        StateLog otherStates = new StateLog();
        try (CompanionClient other = new CompanionClient(
                new PairingLink(URI.create(server.url()), TOKEN, null),
                new CompanionClient.Identity("1.0.0", "14", "other"),
                state.resolve("other"),
                new RecordingTelephony(),
                new WebSocketTransport(),
                Clock.systemUTC(),
                new Random(8),
                new CompanionClient.Timing().backoff(50, 200),
                otherStates)) {
            other.start();
            server.awaitFrame("hello", 2);
            server.closeCurrent(1001, "server stopping");
            server.awaitFrame("hello", 3);
        }
        assertEquals(3, server.connections());
        assertEquals(CompanionClient.State.REFUSED, client.state());
        assertEquals("4403 this phone has been revoked", client.detail());
    }
}
