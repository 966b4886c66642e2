package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/** What the REST API refuses to an API-key holder: oversized bodies, keys whose creator is disabled or gone. */
@ContainerTest
class ApiLimitsIT {

    private static final int MEBIBYTE = 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBodyDeclaredLargerThanOneMebibyteIs413WithAJsonMessage() throws Exception {
        String key = new Fixtures(base).apiKey();
        byte[] body = contactOfSize(MEBIBYTE + 1);

        HttpResponse<String> response = send(putContact(key)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"message\":"), response.body());
    }

    @Test
    void aChunkedBodyIsCutOffAtOneMebibyteWith413() throws Exception {
        String key = new Fixtures(base).apiKey();
        byte[] body = contactOfSize(2 * MEBIBYTE);

        HttpResponse<String> response = send(putContact(key)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"message\":"), response.body());
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() throws Exception {
        String key = new Fixtures(base).apiKey();
        byte[] body = "{\"lastName\": \"Chunked\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(putContact(key)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertEquals(201, response.statusCode(), response.body());
    }

    @Test
    void aKeyStopsWorkingWhenTheAdminWhoMadeItIsDisabled() throws Exception {
        Fixtures fixtures = new Fixtures(base);
        String admin = fixtures.user("keymaker", "ADMIN", false);
        String key = fixtures.apiKey(admin);
        assertEquals(200, whoAmI(key).statusCode(), "the key works while its creator is enabled");

        fixtures.disable(admin);

        HttpResponse<String> refused = whoAmI(key);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().startsWith("{\"message\":"), refused.body());
    }

    @Test
    void aKeyWhoseCreatorIsNoUserIsRefused() throws Exception {
        String key = new Fixtures(base).apiKey(Fixtures.uniqueName("nobody"));

        assertEquals(401, whoAmI(key).statusCode());
    }

    private HttpRequest.Builder putContact(String key) {
        return HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve("api/v1/contacts/" + Fixtures.uniqueName("big")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> whoAmI(String key) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("api/v1/whoami"))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Valid JSON of a contact whose last name makes the body exactly {@code size} bytes. */
    private static byte[] contactOfSize(int size) {
        byte[] head = "{\"lastName\": \"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, size - tail.length, tail.length);
        return body;
    }
}
