package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** {@code /ws/phone} as a phone meets it: a real WebSocket client against the real WAR (see docs/protocol.md). */
@ContainerTest
class PhoneGatewayIT {

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
    void aSocketWithoutTokenIsClosedWithAReason() {
        try (TestPhone phone = TestPhone.connectWithQuery(base, "")) {
            assertEquals(new TestPhone.Closed(4401, "a token is required"), phone.awaitClose());
        }
    }

    @Test
    void aWrongTokenIsRefused() {
        try (TestPhone phone = TestPhone.connect(base, "sbp_not-a-real-token")) {
            assertEquals(new TestPhone.Closed(4401, "unknown token"), phone.awaitClose());
        }
        assertTrue(fixtures.audit("PHONE_CONNECTION_REFUSED").contains("- DENIED unknown token"));
    }

    @Test
    void aRevokedTokenIsRefused() {
        Fixtures.Phone paired = fixtures.phone("revoked");
        fixtures.command(paired.id(), "command", "revoke");

        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            assertEquals(new TestPhone.Closed(4403, "this phone has been revoked"), phone.awaitClose());
        }
        assertTrue(fixtures.audit("PHONE_PAIRED").contains(paired.name() + " SUCCESS"));
        assertTrue(fixtures.audit("PHONE_REVOKED").contains(paired.name() + " SUCCESS"));
        assertTrue(fixtures.audit("PHONE_CONNECTION_REFUSED")
                .contains(paired.name() + " DENIED this phone has been revoked"));
    }

    @Test
    void revokingAConnectedPhoneClosesItsSocketAtOnce() {
        Fixtures.Phone paired = fixtures.phone("revoke-live");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();

            fixtures.command(paired.id(), "command", "revoke");

            assertEquals(new TestPhone.Closed(4403, "this phone has been revoked"), phone.awaitClose());
            assertTrue(fixtures.eventsOnce(paired.id(), "reason=REVOKED").contains("PhoneDisconnected"));
        }
    }

    /**
     * Eight clients reconnect with the phone's token in a loop while it is revoked, each sending an incoming SMS as soon
     * as it is welcomed. Once the revocation has returned, no socket may stay open, none may be welcomed, and nothing
     * sent after it may be stored.
     */
    @Test
    void aRevocationRacingReconnectionsIsFinal() throws Exception {
        Fixtures.Phone paired = fixtures.phone("revoke-race");
        int clients = 8;
        List<TestPhone> opened = Collections.synchronizedList(new ArrayList<>());
        List<Long> welcomedAfterRevocation = Collections.synchronizedList(new ArrayList<>());
        List<String> sentAfterRevocation = Collections.synchronizedList(new ArrayList<>());
        AtomicLong revokedAt = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch welcomed = new CountDownLatch(2 * clients);
        CountDownLatch refusedThriceAfterRevocation = new CountDownLatch(clients);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            for (int client = 0; client < clients; client++) {
                threads.execute(() -> {
                    int refused = 0;
                    while (!stop.get()) {
                        long connecting = System.nanoTime();
                        TestPhone phone = TestPhone.connect(base, paired.token());
                        opened.add(phone);
                        try {
                            phone.hello();
                        } catch (AssertionError | RuntimeException closedBeforeWelcome) {
                            if (connecting > revokedAt.get() && ++refused == 3) {
                                refusedThriceAfterRevocation.countDown();
                            }
                            continue;
                        }
                        welcomed.countDown();
                        if (connecting > revokedAt.get()) {
                            welcomedAfterRevocation.add(connecting);
                        }
                        String text = "race " + UUID.randomUUID();
                        boolean afterRevocation = System.nanoTime() > revokedAt.get();
                        try {
                            phone.send("sms_received", "{\"from\": \"+21650000009\", \"text\": \"" + text + "\"}");
                        } catch (RuntimeException closedMeanwhile) {
                            continue;
                        }
                        if (afterRevocation) {
                            sentAfterRevocation.add(text);
                        }
                    }
                });
            }
            assertTrue(welcomed.await(60, TimeUnit.SECONDS), "the clients were not welcomed");

            fixtures.command(paired.id(), "command", "revoke");
            revokedAt.set(System.nanoTime());

            assertTrue(
                    refusedThriceAfterRevocation.await(60, TimeUnit.SECONDS),
                    "not every client was refused three times after the revocation");
        } finally {
            stop.set(true);
            threads.shutdown();
            assertTrue(threads.awaitTermination(TestPhone.DEADLINE.toSeconds(), TimeUnit.SECONDS));
        }

        for (TestPhone phone : List.copyOf(opened)) {
            phone.awaitClose();
        }
        assertEquals(List.of(), welcomedAfterRevocation);
        String events = fixtures.read("events", paired.id());
        assertEquals(
                List.of(),
                sentAfterRevocation.stream().filter(events::contains).toList(),
                "stored after the revocation");
    }

    @Test
    void helloIsWelcomedAndTheServerKnowsThePhone() {
        Fixtures.Phone paired = fixtures.phone("hello");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            JsonObject welcome = phone.hello();

            assertEquals(paired.name(), welcome.getJsonObject("data").getString("device"));
            assertEquals(1, welcome.getJsonObject("data").getInt("protocol"));
            assertEquals(1, welcome.getJsonObject("data").getInt("heartbeatSeconds"));
            assertEquals(
                    "protocol=V1 app=1.0.0 android=14 model=Pixel 7 battery=81 charging=true signal=3 lineUp=null"
                            + " sims=[0:Ooredoo:+21650000001]",
                    fixtures.read("device", paired.id()).replaceAll("^Optional\\[(.*)]$", "$1"));
            assertTrue(fixtures.eventsOnce(paired.id(), "PhoneConnected").contains(paired.name()));
            assertTrue(fixtures.audit("PHONE_CONNECTED").contains(paired.name() + " SUCCESS ws (unencrypted)"));
        }
    }

    @Test
    void everySeedFrameIsAcceptedAsTheEarlierPhoneSentIt() {
        Fixtures.Phone paired = fixtures.phone("seed");
        try (TestPhone phone = TestPhone.connectWithQuery(base, "token=" + paired.token())) {
            phone.send("{\"action\": \"phone_status\", \"data\": true}");
            phone.send(
                    "{\"action\": \"CALL_INCOMING\", \"data\": {\"number\": \"56646971\", \"name\": \"Med Rayen\"}}");
            phone.send("{\"action\": \"CALL_STARTED\", \"data\": {\"number\": \"56646971\", \"name\": \"Med Rayen\"}}");
            phone.send("{\"action\": \"CALL_ENDED\", \"data\": {\"number\": \"56646971\", \"name\": \"\"}}");
            phone.send("{\"action\": \"SMS\", \"data\": {\"number\": \"56646971\", \"name\": \"Med Rayen\","
                    + " \"Content\": \"Bonjour, je serai en retard\", \"Type\": \"Receiving\"}}");
            phone.send("{\"action\": \"SMS\", \"data\": {\"number\": \"2666655\", \"name\": \"\","
                    + " \"Content\": \"Reçu, merci\", \"Type\": \"Sends\"}}");
            phone.send("{\"action\": \"phone_status\", \"data\": false}");

            String events = fixtures.eventsOnce(paired.id(), "lineUp=false");

            assertTrue(events.contains("lineUp=true"), events);
            assertTrue(
                    events.contains("state=RINGING, direction=INCOMING, number=56646971, contactName=Med Rayen"),
                    events);
            assertTrue(events.contains("state=ACTIVE, direction=null, number=56646971, contactName=Med Rayen"), events);
            assertTrue(events.contains("state=ENDED, direction=null, number=56646971, contactName=null"), events);
            assertTrue(
                    events.contains("SmsReceived[deviceId=" + paired.id() + ", reportId=null, from=56646971,"
                            + " contactName=Med Rayen, text=Bonjour, je serai en retard"),
                    events);
            assertTrue(
                    events.contains("SmsSentFromPhone[deviceId=" + paired.id() + ", to=2666655, contactName=null,"
                            + " text=Reçu, merci"),
                    events);
            assertTrue(fixtures.read("device", paired.id()).contains("protocol=SEED"));
            assertTrue(phone.history().stream().noneMatch(f -> action(f).equals("error")), phone.history()::toString);
        }
    }

    @Test
    void aSeedStylePhoneReceivesCommandsInTheSeedsShapes() {
        Fixtures.Phone paired = fixtures.phone("seed-commands");
        fixtures.command(paired.id(), "command", "sms", "to", "2666655", "text", "Réunion demain à 8h");
        try (TestPhone phone = TestPhone.connectWithQuery(base, "token=" + paired.token())) {
            phone.send("{\"action\": \"phone_status\", \"data\": true}");
            assertEquals(
                    "{\"action\":\"Send\",\"data\":{\"message\":\"Réunion demain à 8h\",\"numbers\":[\"2666655\"]}}",
                    phone.await("Send").toString());

            fixtures.command(paired.id(), "command", "call", "to", "+21612345678");
            assertEquals(
                    "{\"action\":\"Call\",\"data\":\"+21612345678\"}",
                    phone.await("Call").toString());
            fixtures.command(paired.id(), "command", "answer");
            assertEquals(
                    "{\"action\":\"Answer\",\"data\":{}}", phone.await("Answer").toString());
            fixtures.command(paired.id(), "command", "reject");
            assertEquals(
                    "{\"action\":\"Reject\",\"data\":{}}", phone.await("Reject").toString());

            String hangUp = fixtures.command(paired.id(), "command", "hangUp");
            assertTrue(fixtures.eventsOnce(paired.id(), hangUp).contains(hangUp + ", action=HANG_UP"));
            assertTrue(fixtures.read("commands", paired.id()).contains(hangUp + " UNSUPPORTED"));
        }
    }

    @Test
    void aPhoneDeclaredSeedInItsUrlGetsCommandsBeforeSayingAnything() {
        Fixtures.Phone paired = fixtures.phone("seed-declared");
        try (TestPhone phone = TestPhone.connectWithQuery(base, "token=" + paired.token() + "&protocol=seed")) {
            fixtures.command(paired.id(), "command", "call", "to", "56646971");

            assertEquals(
                    "{\"action\":\"Call\",\"data\":\"56646971\"}",
                    phone.await("Call").toString());
        }
    }

    @Test
    void aCommandIsAcknowledgedThenCompletedWithPerPartSmsReports() {
        Fixtures.Phone paired = fixtures.phone("v1-sms");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String commandId = fixtures.command(
                    paired.id(),
                    "command",
                    "sms",
                    "reference",
                    "msg-42",
                    "to",
                    "+21650000002",
                    "text",
                    "Rappel : réunion des parents jeudi",
                    "sim",
                    "1");

            JsonObject command = phone.await("send_sms");
            assertEquals(commandId, command.getString("id"));
            assertEquals(
                    "{\"to\":\"+21650000002\",\"text\":\"Rappel : réunion des parents jeudi\",\"sim\":1}",
                    command.getJsonObject("data").toString());

            phone.send("ack", "{\"ref\": \"" + commandId + "\"}");
            phone.framesSoFar();
            assertTrue(fixtures.read("commands", paired.id()).contains(commandId + " ACKNOWLEDGED"));

            String sent = phone.send(
                    "sms_status", "{\"ref\": \"" + commandId + "\", \"part\": 1, \"parts\": 2, \"state\": \"sent\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(sent));
            String failed = phone.send(
                    "sms_status",
                    "{\"ref\": \"" + commandId
                            + "\", \"part\": 2, \"parts\": 2, \"state\": \"failed\", \"reason\": \"NO_SERVICE\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(failed));
            String result =
                    phone.send("result", "{\"ref\": \"" + commandId + "\", \"ok\": false, \"reason\": \"NO_SERVICE\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(result));

            String events = fixtures.eventsOnce(paired.id(), "CommandCompleted");
            assertTrue(events.contains("reference=msg-42, part=1, parts=2, state=SENT, reason=null"), events);
            assertTrue(events.contains("reference=msg-42, part=2, parts=2, state=FAILED, reason=NO_SERVICE"), events);
            assertTrue(events.contains("action=SEND_SMS, reference=msg-42, state=FAILED, reason=NO_SERVICE"), events);
            assertTrue(fixtures.read("commands", paired.id()).contains(commandId + " FAILED"));
        }
    }

    @Test
    void callCommandsReachTheVersion1PhoneInTheirShapes() {
        Fixtures.Phone paired = fixtures.phone("v1-call");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();

            fixtures.command(paired.id(), "command", "call", "to", "+21650000003", "sim", "0");
            assertEquals("{\"to\":\"+21650000003\",\"sim\":0}", data(phone.await("call")));
            fixtures.command(paired.id(), "command", "answer", "call", "c-7");
            assertEquals("{\"call\":\"c-7\"}", data(phone.await("answer")));
            fixtures.command(paired.id(), "command", "reject");
            assertEquals("{}", data(phone.await("reject")));
            fixtures.command(paired.id(), "command", "dtmf", "call", "c-7", "digits", "12#");
            assertEquals("{\"digits\":\"12#\",\"call\":\"c-7\"}", data(phone.await("dtmf")));
            fixtures.command(paired.id(), "command", "hangUp", "call", "c-7");
            assertEquals("{\"call\":\"c-7\"}", data(phone.await("hang_up")));
        }
    }

    @Test
    void everyVersion1ReportIsAcknowledgedAndActedOnOnce() {
        Fixtures.Phone paired = fixtures.phone("v1-reports");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            String incoming =
                    """
                    {"action": "sms_received", "id": "sms-1", "data": {"from": "+21650000004", "name": "Maman de Sami",
                     "text": "Sami est malade aujourd'hui, il ne viendra pas", "sim": 0, "at": "2026-11-21T07:45:00Z"}}""";
            phone.send(incoming);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("sms-1"));
            phone.send(incoming);
            phone.await(f -> action(f).equals("ack") && ref(f).equals("sms-1"));
            String call = phone.send(
                    "call_state",
                    "{\"call\": \"c-1\", \"state\": \"ringing\", \"direction\": \"incoming\", \"number\": \"+21650000004\"}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(call));
            String status = phone.send("status", "{\"battery\": {\"level\": 15, \"charging\": false}, \"signal\": 1}");
            phone.await(f -> action(f).equals("ack") && ref(f).equals(status));

            String events = fixtures.eventsOnce(paired.id(), "batteryLevel=15");
            assertEquals(1, count(events, "reportId=sms-1"), events);
            assertTrue(events.contains(
                    "text=Sami est malade aujourd'hui, il ne viendra pas, simSlot=0," + " at=2026-11-21T07:45:00Z"));
            assertTrue(events.contains("callId=c-1, state=RINGING, direction=INCOMING, number=+21650000004"), events);
            assertTrue(fixtures.read("device", paired.id()).contains("battery=15 charging=false signal=1"));
        }
    }

    @Test
    void aMalformedFrameGetsItsErrorAndTheConnectionStaysUp() {
        Fixtures.Phone paired = fixtures.phone("malformed");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.send("{\"action\": \"status\", \"id\": \"early\", \"data\": {}}");
            assertError(phone.await("error"), "HELLO_REQUIRED", "early", null);
            phone.hello();

            phone.send("this is not JSON");
            assertError(phone.await("error"), "MALFORMED_JSON", null, null);
            phone.send("[1, 2]");
            assertError(phone.await("error"), "WRONG_TYPE", null, null);
            phone.send("{\"id\": \"no-action\"}");
            assertError(phone.await("error"), "MISSING_FIELD", "no-action", "action");
            phone.send("{\"action\": \"fly\", \"id\": \"f-1\"}");
            assertError(phone.await("error"), "UNKNOWN_ACTION", "f-1", "action");
            phone.send("{\"action\": \"sms_received\", \"id\": \"s-1\", \"data\": {\"from\": \"+21650000005\"}}");
            assertError(phone.await("error"), "MISSING_FIELD", "s-1", "text");
            phone.send("{\"action\": \"sms_received\", \"id\": \"s-2\","
                    + " \"data\": {\"from\": \"+21650000005\", \"text\": \"x\", \"sim\": \"one\"}}");
            assertError(phone.await("error"), "WRONG_TYPE", "s-2", "sim");
            phone.send(
                    "{\"action\": \"call_state\", \"id\": \"c-1\", \"data\": {\"call\": \"1\", \"state\": \"flying\"}}");
            assertError(phone.await("error"), "INVALID_VALUE", "c-1", "state");
            phone.send("{\"action\": \"ack\", \"id\": \"a-1\", \"data\": {\"ref\": \"no-such-command\"}}");
            assertError(phone.await("error"), "UNKNOWN_COMMAND", "a-1", "ref");
            phone.send("{\"action\": \"status\", \"data\": {}}");
            assertError(phone.await("error"), "MISSING_FIELD", null, "id");
            phone.send(
                    "{\"action\": \"status\", \"id\": \"big\", \"data\": {\"model\": \"" + "x".repeat(70_000) + "\"}}");
            assertError(phone.await("error"), "FRAME_TOO_LARGE", null, null);

            phone.framesSoFar();
            assertFalse(phone.isClosed());
            assertTrue(fixtures.read("events", paired.id()).contains("PhoneConnected"));
            assertFalse(fixtures.read("events", paired.id()).contains("SmsReceived"));
        }
    }

    @Test
    void aReportDatedFarFromTheServersClockIsKeptDatedWhenItArrivedAndOneFromTheLastHourAsGiven() {
        Fixtures.Phone paired = fixtures.phone("clock");
        String number = "+2165" + String.format("%07d", (long) (Math.random() * 10_000_000));
        String thisYear = "at=" + Instant.now().toString().substring(0, 4);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();

            for (String[] report : List.of(
                    new String[] {"far", "from the year 999999999", "+999999999-12-31T23:59:59Z"},
                    new String[] {
                        "ahead",
                        "two days ahead",
                        Instant.now().plus(Duration.ofDays(2)).toString()
                    },
                    new String[] {"unset", "from an unset clock", "1970-01-01T00:00:00Z"})) {
                phone.send(receivedAt(report[0], number, report[1], report[2]));
                phone.await(frame -> "ack".equals(TestPhone.action(frame)) && report[0].equals(TestPhone.ref(frame)));
                String event = fixtures.eventsOnce(paired.id(), report[1])
                        .lines()
                        .filter(line -> line.contains(report[1]))
                        .findFirst()
                        .orElseThrow();
                assertTrue(event.contains(thisYear), event);
            }
            Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
            phone.send(receivedAt("recent", number, "an hour ago", anHourAgo.toString()));
            phone.await(frame -> "ack".equals(TestPhone.action(frame)) && "recent".equals(TestPhone.ref(frame)));
            assertTrue(fixtures.eventsOnce(paired.id(), "an hour ago").contains("at=" + anHourAgo));
        }
    }

    private static String receivedAt(String id, String from, String text, String at) {
        return "{\"action\": \"sms_received\", \"id\": \"%s\", \"data\": {\"from\": \"%s\", \"text\": \"%s\", \"at\": \"%s\"}}"
                .formatted(id, from, text, at);
    }

    @Test
    void aPhoneThatKeepsSendingGarbageIsCutOff() {
        Fixtures.Phone paired = fixtures.phone("abuse");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            IntStream.rangeClosed(1, PhoneConnection.MAX_ERRORS + 1).forEach(i -> phone.send("garbage " + i));

            assertEquals(new TestPhone.Closed(1008, "too many invalid frames"), phone.awaitClose());
            assertTrue(
                    fixtures.eventsOnce(paired.id(), "reason=TOO_MANY_ERRORS").contains("PhoneDisconnected"));
        }
    }

    @Test
    void aCommandSentWhileThePhoneWasAwayArrivesOnceAfterItReconnects() {
        Fixtures.Phone paired = fixtures.phone("reconnect");
        String commandId = fixtures.command(paired.id(), "command", "sms", "to", "+21650000006", "text", "Bonjour");

        try (TestPhone first = TestPhone.connect(base, paired.token())) {
            first.hello();
            assertEquals(commandId, first.await("send_sms").getString("id"));
            first.drop();
        }
        // The phone carried it out, but its acknowledgement was lost with the connection: it comes again, same id.
        try (TestPhone second = TestPhone.connect(base, paired.token())) {
            second.hello();
            assertEquals(commandId, second.await("send_sms").getString("id"));
            second.send("ack", "{\"ref\": \"" + commandId + "\"}");
            second.framesSoFar();
        }
        try (TestPhone third = TestPhone.connect(base, paired.token())) {
            third.hello();
            assertTrue(
                    third.framesSoFar().stream().noneMatch(f -> action(f).equals("send_sms")),
                    third.history()::toString);
        }
        assertTrue(fixtures.read("commands", paired.id()).contains(commandId + " ACKNOWLEDGED"));
    }

    @Test
    void aSecondConnectionWithTheSameTokenReplacesTheFirst() {
        Fixtures.Phone paired = fixtures.phone("replace");
        try (TestPhone first = TestPhone.connect(base, paired.token())) {
            // Two handshakes in flight at once may be registered in either order: the second starts once the server
            // holds the first.
            first.hello();
            try (TestPhone second = TestPhone.connect(base, paired.token())) {
                assertEquals(new TestPhone.Closed(4409, "replaced by a newer connection"), first.awaitClose());
                second.hello();

                fixtures.command(paired.id(), "command", "reject");

                second.await("reject");
                assertFalse(fixtures.read("events", paired.id()).contains("PhoneDisconnected"));
            }
        }
    }

    @Test
    void aSilentPhoneIsTakenOfflineWhenItsHeartbeatStops() {
        Fixtures.Phone paired = fixtures.phone("silent");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            phone.await("ping");

            phone.stopAnsweringPings();

            assertEquals(new TestPhone.Closed(4408, "no heartbeat for 10 s"), phone.awaitClose());
            assertTrue(
                    fixtures.eventsOnce(paired.id(), "reason=HEARTBEAT_TIMEOUT").contains("PhoneDisconnected"));
        }
    }

    @Test
    void phonesConnectingTogetherAreEachRecognised() {
        List<Fixtures.Phone> paired =
                IntStream.range(0, 8).mapToObj(i -> fixtures.phone("crowd")).toList();

        List<CompletableFuture<String>> welcomed = paired.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> {
                    try (TestPhone phone = TestPhone.connect(base, p.token())) {
                        return phone.hello().getJsonObject("data").getString("device");
                    }
                }))
                .toList();

        for (int i = 0; i < paired.size(); i++) {
            assertEquals(paired.get(i).name(), welcomed.get(i).join());
        }
        assertNotEquals(paired.get(0).token(), paired.get(1).token());
    }

    private static void assertError(JsonObject error, String code, String ref, String field) {
        JsonObject data = error.getJsonObject("data");
        assertEquals(code, data.getString("code"), error.toString());
        assertEquals(ref, data.getString("ref", null), error.toString());
        assertEquals(field, data.getString("field", null), error.toString());
    }

    /** The command's data, less the deadline (a time, checked in CommandFramesTest). */
    private static String data(JsonObject frame) {
        JsonObject data = frame.getJsonObject("data");
        assertTrue(data.containsKey("expiresAt"), "call commands carry their deadline: " + frame);
        return Json.createObjectBuilder(data).remove("expiresAt").build().toString();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
