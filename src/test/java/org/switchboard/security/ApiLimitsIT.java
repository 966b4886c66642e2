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
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/** What the REST API refuses to an API-key holder: oversized bodies, keys whose creator is gone, too many calls. */
@ContainerTest
class ApiLimitsIT {

    private static final int BURST = 5;
    private static final int MEBIBYTE = 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A small bucket refilled once a minute, so that the test empties it in a few calls and the refill cannot
        // happen while it runs; each test uses keys of its own, so the buckets do not meet.
        return Deployments.withSettings(
                Deployments.switchboard(), "switchboard.api.burst=" + BURST, "switchboard.api.requests-per-minute=1");
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

    @Test
    void aKeyCallingBeyondItsBurstGets429WithRetryAfterWhileOtherKeysGoOn() throws Exception {
        Fixtures fixtures = new Fixtures(base);
        String busy = fixtures.apiKey();
        String other = fixtures.apiKey();
        for (int call = 1; call <= BURST; call++) {
            assertEquals(200, whoAmI(busy).statusCode(), "call " + call + " is within the burst");
        }

        HttpResponse<String> limited = whoAmI(busy);

        assertEquals(429, limited.statusCode(), limited.body());
        assertTrue(limited.body().startsWith("{\"message\":"), limited.body());
        Optional<String> retryAfter = limited.headers().firstValue("Retry-After");
        assertTrue(retryAfter.isPresent(), "Retry-After is sent");
        long seconds = Long.parseLong(retryAfter.get());
        assertTrue(seconds >= 1 && seconds <= 60, "one token comes back within a minute: " + seconds);
        assertEquals(200, whoAmI(other).statusCode(), "another key has a bucket of its own");
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
