package org.switchboard.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/** The school platform's side of the REST API: keeping contacts and invoices in step, looking callers up. */
@ContainerTest
class ContactApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private String key;

    @BeforeEach
    void apiKey() {
        key = new Fixtures(base).apiKey();
    }

    @Test
    void aContactIsCreatedThenReplacedAndFoundByPhone() throws Exception {
        String guardian = Fixtures.uniqueName("g");
        String mobile = "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
        String body =
                """
                {"firstName": "Mounir", "lastName": "Ayari", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}], "groups": ["All guardians"]}
                """
                        .formatted(mobile.substring(0, 2) + " " + mobile.substring(2, 5) + " " + mobile.substring(5));

        HttpResponse<String> created = put("api/v1/contacts/" + guardian, body, key);
        HttpResponse<String> replaced = put("api/v1/contacts/" + guardian, body, key);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(created.body().contains("\"e164\":\"+216" + mobile + "\""), created.body());
        String invoiceNumber = Fixtures.uniqueName("INV");
        String invoiceBody =
                """
                {"contact": "%s", "issueDate": "2026-11-01", "dueDate": "2026-11-30",
                 "amount": 250.5, "amountPaid": 0, "currency": "TND", "status": "UNPAID"}
                """
                        .formatted(guardian);
        HttpResponse<String> invoice = put("api/v1/invoices/" + invoiceNumber, invoiceBody, key);
        HttpResponse<String> sameInvoice = put("api/v1/invoices/" + invoiceNumber, invoiceBody, key);
        assertEquals(201, invoice.statusCode(), "a new invoice, as a new contact: " + invoice.body());
        assertEquals(200, sameInvoice.statusCode(), sameInvoice.body());

        HttpResponse<String> found = get("api/v1/contacts/by-phone/00216" + mobile, key);

        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("\"name\":\"Mounir Ayari\""), found.body());
        assertTrue(found.body().contains("\"groups\":[\"All guardians\"]"), found.body());
        assertTrue(found.body().contains("\"status\":\"UNPAID\""), found.body());
        assertTrue(found.body().contains("\"currency\":\"TND\""), found.body());
    }

    @Test
    void aNumberAnotherContactHasIs409NamingThatContactUnlessShared() throws Exception {
        String first = Fixtures.uniqueName("g");
        String second = Fixtures.uniqueName("g");
        String mobile = "5" + String.format("%07d", (long) (Math.random() * 10_000_000));
        String body = "{\"lastName\": \"Ayari\", \"numbers\": [{\"number\": \"%s\"}]}";
        assertEquals(
                201,
                put("api/v1/contacts/" + first, body.formatted(mobile), key).statusCode());

        HttpResponse<String> duplicate = put("api/v1/contacts/" + second, body.formatted("+216" + mobile), key);
        HttpResponse<String> lookup = get("api/v1/contacts/by-phone/" + mobile, key);
        HttpResponse<String> shared =
                put("api/v1/contacts/" + second + "?sharedNumbers=true", body.formatted(mobile), key);

        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertTrue(duplicate.body().contains("\"externalId\":\"" + first + "\""), duplicate.body());
        assertTrue(duplicate.body().contains("\"contactId\":"), duplicate.body());
        assertEquals(1, lookup.body().split("\"name\"").length - 1, "no second contact: " + lookup.body());
        assertEquals(201, shared.statusCode(), shared.body());
        assertEquals(
                200,
                put("api/v1/contacts/" + first, body.formatted(mobile), key).statusCode(),
                "its own");
    }

    @Test
    void anUnknownNumberGivesAnEmptyList() throws Exception {
        HttpResponse<String> response = get("api/v1/contacts/by-phone/+21650000002", key);

        assertEquals(200, response.statusCode());
        assertEquals("[]", response.body());
    }

    @Test
    void anInvalidNumberIs400NamingTheNumberAndTheField() throws Exception {
        HttpResponse<String> lookup = get("api/v1/contacts/by-phone/12345", key);
        HttpResponse<String> save = put(
                "api/v1/contacts/" + Fixtures.uniqueName("bad"),
                "{\"lastName\": \"X\", \"numbers\": [{\"number\": \"12345\"}]}",
                key);

        for (HttpResponse<String> response : java.util.List.of(lookup, save)) {
            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("12345 is not a valid phone number."), response.body());
            assertTrue(response.body().contains("\"field\":\"number\""), response.body());
        }
    }

    @Test
    void malformedJsonIs400WithAJsonMessage() throws Exception {
        for (String body : new String[] {"{not json", "[1, 2]", "{\"kind\": \"ALIEN\"}", ""}) {
            HttpResponse<String> response = put("api/v1/contacts/" + Fixtures.uniqueName("m"), body, key);

            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertTrue(response.body().startsWith("{\"message\":"), body + " -> " + response.body());
        }
    }

    @Test
    void missingFieldsNameTheField() throws Exception {
        HttpResponse<String> response = put("api/v1/invoices/" + Fixtures.uniqueName("INV"), "{\"amount\": 10}", key);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"field\":\"contact\""), response.body());
    }

    @Test
    void withoutAKeyOrWithARevokedOneNothingIsChanged() throws Exception {
        String id = Fixtures.uniqueName("nokey");
        String body = "{\"lastName\": \"Nobody\"}";

        assertEquals(401, put("api/v1/contacts/" + id, body, null).statusCode());
        assertEquals(
                401,
                put("api/v1/contacts/" + id, body, new Fixtures(base).revokedApiKey())
                        .statusCode());
        assertEquals("[]", get("api/v1/contacts/by-phone/+21650000003", key).body());
        assertEquals(201, put("api/v1/contacts/" + id, body, key).statusCode(), "the first real save creates it");
    }

    private HttpResponse<String> put(String path, String json, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                        .header("Authorization", "Bearer " + apiKey)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
