package org.switchboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

/** What a client without a session or key gets: nothing but the login page, the health probes and a 401. */
@ContainerTest
class AccessControlIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Every page of the application; a new page is added here when it is written. */
    static List<String> pages() {
        return List.of(
                "",
                "index.xhtml",
                "account/password.xhtml",
                "admin/users.xhtml",
                "admin/api-keys.xhtml",
                "admin/audit.xhtml",
                "contact/index.xhtml",
                "contact/groups.xhtml",
                "contact/import.xhtml",
                "phone/index.xhtml",
                "sms/campaigns.xhtml",
                "sms/compose.xhtml",
                "sms/history.xhtml",
                "sms/inbox.xhtml",
                "sms/templates.xhtml",
                "webhook/index.xhtml",
                "call/index.xhtml",
                "call/dial.xhtml",
                "errors/forbidden.xhtml",
                "errors/error.xhtml",
                "no-such-page.xhtml",
                "WEB-INF/web.xml");
    }

    /** Every REST endpoint; a new endpoint is added here when it is written. */
    static List<String> endpoints() {
        return List.of(
                "api/v1/whoami",
                "api/v1/contacts/by-phone/56646971",
                "api/v1/contacts/ext-1",
                "api/v1/invoices/INV-1",
                "api/v1/messages",
                "api/v1/messages/1",
                "api/v1/no-such-endpoint");
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aPageWithoutLoginRedirectsToTheLoginPage(String page) throws Exception {
        HttpResponse<String> response = get(page, null);

        assertEquals(302, response.statusCode(), page);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/login.xhtml"), location);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aPostWithoutLoginIsRefusedToo(String page) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode(), page);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anEndpointWithoutAKeyAnswers401WithAJsonReason(String endpoint) throws Exception {
        HttpResponse<String> response = get(endpoint, null);

        assertEquals(401, response.statusCode(), endpoint);
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(response.body().contains("\"message\""), response.body());
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anEndpointWithAWrongKeyAnswers401(String endpoint) throws Exception {
        HttpResponse<String> response = get(endpoint, "Bearer sb_not-a-real-key");

        assertEquals(401, response.statusCode(), endpoint);
        assertTrue(response.body().contains("unknown, revoked"), response.body());
    }

    @Test
    void aValidKeyReachesTheApi() throws Exception {
        String key = new Fixtures(base).apiKey();

        HttpResponse<String> response = get("api/v1/whoami", "Bearer " + key);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"apiKey\":\"key-"), response.body());
    }

    @Test
    void theLoginPageIsOpenAndSendsSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("login.xhtml", null);

        assertEquals(200, response.statusCode());
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'"), policy);
        assertTrue(policy.matches(".*script-src 'self' 'nonce-[^']+';?$"), policy);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(
                "same-origin", response.headers().firstValue("Referrer-Policy").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void theFaviconIsOpenSoThatSignInNeverReturnsToIt() throws Exception {
        HttpResponse<String> response = get("favicon.ico", null);

        assertEquals(200, response.statusCode());
    }

    @Test
    void theReadinessProbeIsOpenAndSaysOnlyUp() throws Exception {
        HttpResponse<String> response = get("health/ready", null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
