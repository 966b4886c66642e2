package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** The school platform's side of SMS: POST /api/v1/messages and following what it queued. */
@ContainerTest
class MessageApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private Fixtures fixtures;
    private String key;
    /**
     * A phone that never connects: what these tests queue without a phone of their own waits for it. In the database
     * the PostgreSQL pass shares, a message queued for any phone would go to the next test's phone.
     */
    private Fixtures.Phone parked;

    @BeforeEach
    void apiKey() {
        fixtures = new Fixtures(base);
        key = fixtures.apiKey();
        parked = fixtures.phone("parked");
    }

    @Test
    void aRepeatedRequestWithTheSameKeySendsNothingAgain() throws Exception {
        String idempotency = Fixtures.uniqueName("req");
        String body = "{\"to\": [\"+21650200001\", \"50 200 001\", \"50200002\"], \"text\": \"Cantine fermée lundi\","
                + " \"phone\": " + parked.id() + "}";

        HttpResponse<String> first = post(body, idempotency);
        HttpResponse<String> again = post(body, idempotency);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(200, again.statusCode(), again.body());
        JsonArray queued = json(first.body()).getJsonArray("messages");
        assertEquals(2, queued.size(), "the same number written twice is one recipient");
        assertEquals(
                Set.of("+21650200001", "+21650200002"),
                Set.of(
                        queued.getJsonObject(0).getString("recipient"),
                        queued.getJsonObject(1).getString("recipient")));
        assertEquals(1, queued.getJsonObject(0).getInt("parts"));
        assertEquals(
                json(first.body()).getJsonNumber("batch"), json(again.body()).getJsonNumber("batch"));
        assertEquals(ids(queued), ids(json(again.body()).getJsonArray("messages")));
        assertTrue(json(again.body()).getBoolean("replayed"));

        HttpResponse<String> reused = post("{\"to\": [\"+21650200001\"], \"text\": \"Autre chose\"}", idempotency);
        assertEquals(400, reused.statusCode(), reused.body());
        assertEquals("Idempotency-Key", json(reused.body()).getString("field"));
    }

    @Test
    void badInputGetsAClearErrorAndQueuesNothing() throws Exception {
        assertError(post("{\"to\": [\"+21650200003\"], \"text\": \"  \"}", null), "text", "Write the text");
        assertError(post("{\"to\": [], \"text\": \"Bonjour\"}", null), "to", "at least one recipient");
        assertError(post("{\"to\": [\"12\"], \"text\": \"Bonjour\"}", null), "number", "12");
        assertError(
                post("{\"to\": [\"+21650200003\"], \"text\": \"" + "x".repeat(10_000) + "\"}", null),
                "text",
                "at most 10 parts");
        assertError(post("{\"contacts\": [\"nobody-here\"], \"text\": \"Bonjour\"}", null), "contacts", "nobody-here");
        assertError(get("api/v1/messages?state=LOST"), "state", "LOST");
        HttpResponse<String> malformed = post("{\"to\": [", null);
        assertEquals(400, malformed.statusCode(), malformed.body());
    }

    @Test
    void aMessageIsFollowedFromTheQueueToThePhone() throws Exception {
        Fixtures.Phone paired = fixtures.phone("api-phone");
        String text = Fixtures.uniqueName("Facture de novembre disponible");
        String externalId = Fixtures.uniqueName("g");
        fixtures.contact(
                externalId,
                """
                {"firstName": "Amel", "lastName": "Trabelsi", "kind": "GUARDIAN",
                 "numbers": [{"number": "71 200 004", "label": "HOME"}, {"number": "50 200 004", "label": "MOBILE"}]}
                """);
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            HttpResponse<String> sent = post(
                    "{\"contacts\": [\"" + externalId + "\"], \"text\": \"" + text + "\", \"phone\": " + paired.id()
                            + ", \"sim\": 0}",
                    null);
            assertEquals(201, sent.statusCode(), sent.body());
            JsonObject queued = json(sent.body()).getJsonArray("messages").getJsonObject(0);
            long id = queued.getJsonNumber("id").longValue();

            JsonObject command = phone.awaitSms(text);
            assertEquals("+21650200004", command.getJsonObject("data").getString("to"), "the contact's mobile");
            phone.send("ack", "{\"ref\": \"" + command.getString("id") + "\"}");
            phone.framesSoFar();

            HttpResponse<String> report = get("api/v1/messages/" + id);
            assertEquals(200, report.statusCode(), report.body());
            JsonObject message = json(report.body()).getJsonObject("message");
            assertEquals("SENT_TO_PHONE", message.getString("state"));
            assertEquals(paired.id(), message.getJsonNumber("deviceId").longValue());
            for (String stored : List.of(
                    "batchId",
                    "recipient",
                    "text",
                    "encoding",
                    "parts",
                    "createdBy",
                    "preferredDeviceId",
                    "preferredSim")) {
                assertEquals(queued.get(stored), message.get(stored), stored + " as queued and as stored");
            }
            for (String stored : List.of("createdAt", "sendAfter", "expiresAt")) {
                assertEquals(
                        Instant.parse(queued.getString(stored)).truncatedTo(ChronoUnit.MILLIS),
                        Instant.parse(message.getString(stored)).truncatedTo(ChronoUnit.MILLIS),
                        stored + " as queued and as stored");
            }
            JsonArray timeline = json(report.body()).getJsonArray("timeline");
            assertEquals("QUEUED", timeline.getJsonObject(0).getString("state"));
            assertEquals(
                    "SENT_TO_PHONE", timeline.getJsonObject(timeline.size() - 1).getString("state"));

            HttpResponse<String> listed = get("api/v1/messages?state=sent_to_phone&limit=500");
            assertTrue(listed.body().contains("\"id\":" + id + ","), listed.body());
        }
        assertEquals(404, get("api/v1/messages/999999999").statusCode());
    }

    @Test
    void aTemplateWithPlaceholdersIsFilledForEachRecipient() throws Exception {
        String guardian = Fixtures.uniqueName("g");
        String student = Fixtures.uniqueName("s");
        String schoolClass = Fixtures.uniqueName("3B");
        fixtures.contact(
                guardian,
                """
                {"firstName": "Samia", "lastName": "Ben Salah", "kind": "GUARDIAN",
                 "numbers": [{"number": "50 200 010", "label": "MOBILE"}]}
                """);
        fixtures.contact(
                student,
                """
                {"firstName": "Youssef", "lastName": "Ben Salah", "kind": "STUDENT", "groups": ["%s"],
                 "guardians": ["%s"]}
                """
                        .formatted(schoolClass, guardian));
        HttpResponse<String> invoice = http.send(
                HttpRequest.newBuilder(
                                URI.create(base.toString()).resolve("api/v1/invoices/" + Fixtures.uniqueName("INV")))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                """
                                {"contact": "%s", "issueDate": "2026-11-01", "dueDate": "2026-11-30",
                                 "amount": 250.5, "amountPaid": 0, "currency": "TND", "status": "UNPAID"}
                                """
                                        .formatted(guardian)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, invoice.statusCode(), invoice.body());
        String template = Fixtures.uniqueName("Rappel");
        fixtures.template(template, "Bonjour {firstName}, classe {class} : reste {amountDue}.");

        HttpResponse<String> sent = post(
                "{\"contacts\": [\"" + guardian + "\"], \"to\": [\"+21650200011\"], \"template\": \"" + template
                        + "\", \"phone\": " + parked.id() + "}",
                null);

        assertEquals(201, sent.statusCode(), sent.body());
        Map<String, String> texts = json(sent.body()).getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(m -> m.getString("recipient"), m -> m.getString("text")));
        assertEquals(
                Map.of(
                        "+21650200011",
                        "Bonjour , classe  : reste .",
                        "+21650200010",
                        "Bonjour Samia, classe " + schoolClass + " : reste 250.500 TND."),
                texts,
                "a number no contact has fills nothing; a guardian's class is their child's");

        assertError(
                post("{\"to\": [\"+21650200011\"], \"text\": \"Bonjour\", \"template\": \"" + template + "\"}", null),
                "template",
                "not both");
        assertError(
                post("{\"to\": [\"+21650200011\"], \"template\": \"no-such-template\"}", null),
                "template",
                "no-such-template");
        assertError(post("{\"to\": [\"+21650200011\"], \"text\": \"Bonjour {prenom}\"}", null), "text", "{prenom}");
    }

    @Test
    void aClassIsTextedThroughItsStudentsGuardiansOnceEachUnlessTheTextNamesTheChild() throws Exception {
        String group = Fixtures.uniqueName("5A");
        String surname = "Family" + Fixtures.uniqueName("").substring(1, 6);
        Map<String, String> guardians = Map.of(
                "twoChildren", contact("Hedi", surname, "GUARDIAN", null, null),
                "oneChild", contact("Rym", surname, "GUARDIAN", null, null));
        contact("Amira", surname, "STUDENT", group, guardians.get("twoChildren"));
        contact("Bilel", surname, "STUDENT", group, guardians.get("twoChildren"));
        contact("Chiraz", surname, "STUDENT", group, guardians.get("oneChild"));

        HttpResponse<String> once = post(
                "{\"groups\": [\"" + group + "\"], \"audience\": \"guardians\", \"text\": \"Réunion de {class}\","
                        + " \"phone\": " + parked.id() + "}",
                null);
        HttpResponse<String> perChild = post(
                "{\"groups\": [\"" + group.toLowerCase(java.util.Locale.ROOT) + "\"], \"audience\": \"GUARDIANS\","
                        + " \"text\": \"Bulletin de {childFirstName}\", \"phone\": " + parked.id() + "}",
                null);
        HttpResponse<String> both = post(
                "{\"groups\": [\"" + group + "\"], \"audience\": \"both\", \"text\": \"Sortie\"," + " \"phone\": "
                        + parked.id() + "}",
                null);
        HttpResponse<String> members =
                post("{\"groups\": [\"" + group + "\"], \"text\": \"Sortie\", \"phone\": " + parked.id() + "}", null);

        assertEquals(201, once.statusCode(), once.body());
        JsonArray queued = json(once.body()).getJsonArray("messages");
        assertEquals(2, queued.size(), "a guardian of two children gets one SMS: " + once.body());
        assertEquals(Set.of("Réunion de " + group), texts(queued));
        assertEquals(201, perChild.statusCode(), perChild.body());
        assertEquals(
                Set.of("Bulletin de Amira", "Bulletin de Bilel", "Bulletin de Chiraz"),
                texts(json(perChild.body()).getJsonArray("messages")));
        assertEquals(201, both.statusCode(), both.body());
        assertEquals(
                2, json(both.body()).getJsonArray("messages").size(), "the students have no number: " + both.body());
        assertError(members, "to", "at least one recipient");
        assertError(
                post("{\"groups\": [\"" + group + "\"], \"audience\": \"parents\", \"text\": \"Sortie\"}", null),
                "audience",
                "parents");
        assertError(
                post("{\"groups\": [\"no-such-class\"], \"audience\": \"guardians\", \"text\": \"Sortie\"}", null),
                "groups",
                "no-such-class");
    }

    /** A contact saved through the API, a student in the group with the guardian when given; its external id. */
    private String contact(String firstName, String lastName, String kind, String group, String guardian) {
        String id = Fixtures.uniqueName(kind.equals("STUDENT") ? "s" : "g");
        String number = kind.equals("STUDENT")
                ? "[]"
                : "[{\"number\": \"5" + String.format("%07d", (long) (Math.random() * 9_000_000))
                        + "\", \"label\": \"MOBILE\"}]";
        fixtures.contact(
                id,
                "{\"firstName\": \"" + firstName + "\", \"lastName\": \"" + lastName + "\", \"kind\": \"" + kind
                        + "\", \"numbers\": " + number + ", \"groups\": "
                        + (group == null ? "[]" : "[\"" + group + "\"]")
                        + ", \"guardians\": " + (guardian == null ? "[]" : "[\"" + guardian + "\"]") + "}");
        return id;
    }

    private static Set<String> texts(JsonArray messages) {
        return messages.stream().map(m -> m.asJsonObject().getString("text")).collect(Collectors.toSet());
    }

    private static void assertError(HttpResponse<String> response, String field, String inMessage) {
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = json(response.body());
        assertEquals(field, error.getString("field"), response.body());
        assertTrue(error.getString("message").contains(inMessage), response.body());
    }

    private static String ids(JsonArray messages) {
        StringBuilder ids = new StringBuilder();
        messages.forEach(m -> ids.append(m.asJsonObject().getJsonNumber("id")).append(' '));
        return ids.toString();
    }

    private HttpResponse<String> post(String body, String idempotency) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve("api/v1/messages"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotency != null) {
            request.header("Idempotency-Key", idempotency);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
