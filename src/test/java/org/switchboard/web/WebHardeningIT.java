package org.switchboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.SignIn;

/**
 * What the security review asked of every response: a SameSite session cookie, no post from another site, no
 * redirect to a host the client named, one framing rule, and the monitoring endpoints' details for admins only.
 */
@ContainerTest
class WebHardeningIT {

    private static final String FOREIGN_ORIGIN = "http://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    // As browsers speak to a server over plain HTTP: Payara answers java.net.http's h2c upgrade differently (its
    // HTTP/2 responses carried SameSite and lacked X-Frame-Options where its HTTP/1.1 ones did the opposite).
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Fixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(base);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        String cookie =
                get("login.xhtml", null).headers().firstValue("Set-Cookie").orElseThrow();

        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefusedAndOneFromTheServersOwnPagesIsNot() throws Exception {
        String session = SignIn.session(base, fixtures.user("poster", "ADMIN", false));

        assertEquals(
                403, post("sms/history.xhtml", session, FOREIGN_ORIGIN, "a=b").statusCode());
        assertEquals(403, post("sms/history.xhtml", session, "null", "a=b").statusCode());
        assertNotEquals(403, post("sms/history.xhtml", session, origin(), "a=b").statusCode());
        assertNotEquals(403, post("sms/history.xhtml", session, null, "a=b").statusCode());
    }

    @Test
    void anApiCallFromAnotherSiteIsRefusedAndOneWithoutOriginWorks() throws Exception {
        String key = fixtures.apiKey();
        String noRecipient = "{\"text\": \"x\"}";

        HttpResponse<String> foreign = apiPost(key, FOREIGN_ORIGIN, noRecipient);
        HttpResponse<String> own = apiPost(key, origin(), noRecipient);
        HttpResponse<String> script = apiPost(key, null, noRecipient);

        assertEquals(403, foreign.statusCode(), foreign.body());
        assertEquals(400, own.statusCode(), own.body());
        assertEquals(400, script.statusCode(), script.body());
    }

    @Test
    void aForgedHostIsNeverSentBackInARedirect() throws Exception {
        Raw toLogin = raw("index.xhtml", "evil.example", null);
        assertEquals(302, toLogin.status());
        assertEquals("/login.xhtml", toLogin.header("Location").orElseThrow());
        assertEquals("DENY", toLogin.header("X-Frame-Options").orElseThrow());

        Raw toFolder = raw("sms", "evil.example", null);
        assertEquals("/sms/", toFolder.header("Location").orElseThrow());

        String newcomer = fixtures.user("newcomer", "STAFF", true);
        Raw toPassword = raw("index.xhtml", "evil.example", SignIn.session(base, newcomer));
        assertEquals(302, toPassword.status());
        assertEquals("/account/password.xhtml", toPassword.header("Location").orElseThrow());
        assertEquals("DENY", toPassword.header("X-Frame-Options").orElseThrow());
    }

    @Test
    void redirectsRefusalsAndErrorPagesAllForbidFraming() throws Exception {
        String viewer = SignIn.session(base, fixtures.user("framed", "VIEWER", false));

        List<HttpResponse<String>> responses = List.of(
                get("index.xhtml", null),
                get("admin/users.xhtml", viewer),
                get("no-such-page.xhtml", viewer),
                post("sms/history.xhtml", viewer, FOREIGN_ORIGIN, "a=b"));

        for (HttpResponse<String> response : responses) {
            assertEquals(
                    "DENY",
                    response.headers().firstValue("X-Frame-Options").orElse("none"),
                    response.uri() + " " + response.statusCode());
        }
    }

    @Test
    void metricsAndTheOpenApiDescriptionAreForAdminsOnly() throws Exception {
        String viewer = SignIn.session(base, fixtures.user("curious", "VIEWER", false));
        String admin = SignIn.session(base, fixtures.user("operator", "ADMIN", false));

        for (String path : new String[] {"metrics", "openapi"}) {
            assertEquals(403, get(path, viewer).statusCode(), path);
            assertEquals(200, get(path, admin).statusCode(), path);
        }
    }

    @Test
    void healthSaysUpToAnyoneAndWhatItCheckedToAdminsOnly() throws Exception {
        String viewer = SignIn.session(base, fixtures.user("prober", "VIEWER", false));
        String admin = SignIn.session(base, fixtures.user("monitor", "ADMIN", false));

        for (String path : new String[] {"health", "health/ready"}) {
            for (String session : new String[] {null, viewer}) {
                HttpResponse<String> response = get(path, session);
                assertEquals(200, response.statusCode(), path);
                assertEquals("{\"status\":\"UP\"}", response.body(), path);
            }
            String details = get(path, admin).body();
            assertTrue(details.contains("\"status\":\"UP\""), details);
            assertTrue(details.contains("\"name\":\"database\""), details);
        }
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String origin, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", session);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> apiPost(String key, String origin, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("api/v1/messages"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line and headers of a GET sent with this Host header, which java.net.http does not let one set. */
    private record Raw(int status, String head) {

        Optional<String> header(String name) {
            return head.lines()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst();
        }
    }

    private Raw raw(String path, String host, String session) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                            + (session == null ? "" : "Cookie: " + session + "\r\n")
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return new Raw(Integer.parseInt(statusLine.split(" ")[1]), head.toString());
        }
    }

    private String origin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
