package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.switchboard.testing.TestPhone.action;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * Two nodes run the dispatcher on one database: each pass over the queue (hand over, expire, take back) runs twice at
 * the same moment on the same rows, and each message is still handed over, expired and taken back once. A real
 * WebSocket client is the phone, and counts the commands it is given.
 */
@ContainerTest
class SmsEffectsOnceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(TwoNodePasses.class, PassGate.class);
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoPassesAtOnceHandOverExpireAndTakeBackEachMessageOnce() {
        Fixtures fixtures = new Fixtures(base);
        Fixtures.Phone paired = fixtures.phone("once");
        String text = Fixtures.uniqueName("Une seule fois");
        List<Long> handed = fixtures.sms(
                null, text, "+21650400001", "+21650400002", "+21650400003", "+21650400004", "+21650400005");
        List<Long> expiring = fixtures.sms(null, Fixtures.uniqueName("Trop tard"), "+21650400006", "+21650400007");

        assertEquals("5", pass("dispatch", paired.id(), handed), "messages handed over by the two passes together");
        pass("expire", paired.id(), expiring);

        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            for (int i = 0; i < handed.size(); i++) {
                phone.awaitSms(text);
            }
            List<JsonObject> commands = phone.framesSoFar().stream()
                    .filter(frame -> action(frame).equals("send_sms")
                            && text.equals(frame.getJsonObject("data").getString("text", "")))
                    .toList();
            assertEquals(handed.size(), commands.size(), "commands the phone was given");
        }
        assertEquals("5", pass("takeBack", paired.id(), handed), "messages taken back by the two passes together");

        String expected = Stream.concat(
                        handed.stream().map(id -> id + ": DISPATCHED QUEUED commands=1"),
                        expiring.stream().map(id -> id + ": EXPIRED commands=0"))
                .collect(Collectors.joining("\n"));
        List<Long> all = Stream.concat(handed.stream(), expiring.stream()).toList();
        assertEquals(expected, pass("written", paired.id(), all));
    }

    private String pass(String pass, long device, List<Long> ids) {
        String body = Map.of(
                        "pass",
                        pass,
                        "device",
                        String.valueOf(device),
                        "ids",
                        ids.stream().map(String::valueOf).collect(Collectors.joining(",")))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(TwoNodePasses.PATH.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
