package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;
import org.switchboard.testing.WebhookReceiver;

/**
 * Webhooks seen from a real receiver: an HTTP server on a loopback port of the test, which checks each signature with
 * its own HMAC code. Retries are quick in this deployment (first pause 0.2 s, 4 tries), as an operator could set them.
 */
@ContainerTest
class WebhookIT {

    private static final int MAX_ATTEMPTS = 4;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withSettings(
                Deployments.switchboard(),
                "switchboard.sms.webhook-first-retry=PT0.2S",
                "switchboard.sms.webhook-max-attempts=" + MAX_ATTEMPTS);
    }

    @ArquillianResource
    private URL base;

    private Fixtures fixtures;
    private final List<WebhookReceiver> receivers = new ArrayList<>();
    private final List<Long> webhooks = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new Fixtures(base);
    }

    /** Webhooks outlive the test in a shared database: removed, so that no other test's events go to dead ports. */
    @AfterEach
    void removeWebhooks() {
        webhooks.forEach(fixtures::deleteWebhook);
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aStateChangeAndAnIncomingSmsReachTheReceiverSignedWithTheSecret() {
        WebhookReceiver receiver = receiver();
        Fixtures.Webhook webhook = webhook(receiver.url(), "SMS_RECEIVED,SMS_STATE");
        Fixtures.Phone paired = fixtures.phone("webhook");
        String text = Fixtures.uniqueName("Rappel");
        String reply = Fixtures.uniqueName("Merci");
        long id;
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            id = fixtures.sms(paired.id(), text, "+21650100071").get(0);
            String command = phone.awaitSms(text).getString("id");
            phone.send("ack", "{\"ref\": \"" + command + "\"}");
            report(phone, command, "sent", null);
            report(phone, command, "delivered", null);
            receive(phone, "50 100 072", reply);
        }

        for (String state : List.of("SENT_TO_PHONE", "SENT", "DELIVERED")) {
            WebhookReceiver.Request request = receiver.await(r -> isState(r, id, state));
            JsonObject body = request.json();
            assertSignedWith(webhook.secret(), request);
            assertEquals("sms.state", request.header("X-Switchboard-Event"));
            assertEquals(body.getString("id"), request.header("X-Switchboard-Delivery"));
            assertEquals("+21650100071", body.getString("recipient"));
            assertTrue(body.isNull("reason"), body.toString());
            assertFalse(Instant.parse(body.getString("at")).isAfter(Instant.now()));
        }
        WebhookReceiver.Request incoming =
                receiver.await(r -> r.json().getString("event").equals("sms.received")
                        && r.json().getString("text").equals(reply));
        assertSignedWith(webhook.secret(), incoming);
        assertEquals("sms.received", incoming.header("X-Switchboard-Event"));
        assertEquals(incoming.json().getString("id"), incoming.header("X-Switchboard-Delivery"));
        assertEquals("+21650100072", incoming.json().getString("from"));
        assertEquals(paired.id(), incoming.json().getJsonNumber("phone").longValue());
        assertTrue(incoming.header("Content-Type").startsWith("application/json"));
        assertEquals(
                Set.of("SENT_TO_PHONE", "SENT", "DELIVERED"),
                receiver.all().stream()
                        .filter(r -> r.json().getString("event").equals("sms.state")
                                && r.json().getJsonNumber("messageId").longValue() == id)
                        .map(r -> r.json().getString("state"))
                        .collect(Collectors.toSet()),
                "queued and dispatched are not announced, nothing twice");
    }

    @Test
    void aFailureIsAnnouncedWithThePhonesReason() {
        WebhookReceiver receiver = receiver();
        Fixtures.Webhook webhook = webhook(receiver.url(), "SMS_STATE");
        Fixtures.Phone paired = fixtures.phone("webhook-fail");
        String text = Fixtures.uniqueName("Absence");
        long id;
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            id = fixtures.sms(paired.id(), text, "+21650100073").get(0);
            String command = phone.awaitSms(text).getString("id");
            report(phone, command, "sent", null);
            report(phone, command, "failed", "GENERIC_FAILURE");
        }

        WebhookReceiver.Request failed = receiver.await(r -> isState(r, id, "FAILED"));
        assertSignedWith(webhook.secret(), failed);
        assertEquals("GENERIC_FAILURE", failed.json().getString("reason"));
    }

    @Test
    void aReceiverThatFailsGetsTheSameDeliveryAgainUntilItAccepts() {
        WebhookReceiver receiver = receiver(500, 503);
        Fixtures.Webhook webhook = webhook(receiver.url(), "SMS_RECEIVED");
        Fixtures.Phone paired = fixtures.phone("webhook-retry");
        String reply = Fixtures.uniqueName("Oui");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 074", reply);
        }

        Predicate<WebhookReceiver.Request> theReply =
                r -> r.json().getString("text").equals(reply);
        receiver.awaitCount(theReply, 3);
        List<WebhookReceiver.Request> tries =
                receiver.all().stream().filter(theReply).toList();
        String deliveryId = tries.get(0).header("X-Switchboard-Delivery");
        for (WebhookReceiver.Request request : tries) {
            assertEquals(deliveryId, request.header("X-Switchboard-Delivery"), "one delivery, tried again");
            assertTrue(Arrays.equals(tries.get(0).body(), request.body()), "the same bytes on every try");
            assertSignedWith(webhook.secret(), request);
        }
        assertEquals(
                deliveryId + " sms.received DELIVERED attempts=3 status=200 error=null",
                fixtures.webhookDeliveriesOnce(webhook.id(), deliveryId, "DELIVERED"));
        assertEquals(3, receiver.all().stream().filter(theReply).count(), "nothing after it was accepted");
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpAfterTheLimitOfTries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Fixtures.Webhook webhook = webhook("http://127.0.0.1:" + closedPort + "/nobody", "SMS_RECEIVED");
        Fixtures.Phone paired = fixtures.phone("webhook-refused");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 075", Fixtures.uniqueName("Personne"));
        }

        String deliveries = fixtures.webhookDeliveriesOnce(webhook.id(), null, "FAILED");
        assertTrue(
                deliveries.matches("\\S+ sms\\.received FAILED attempts=" + MAX_ATTEMPTS
                        + " status=null error=ConnectException.*"),
                deliveries);
    }

    @Test
    void aDisabledWebhookGetsNothingUntilEnabledAgain() {
        WebhookReceiver listening = receiver();
        WebhookReceiver paused = receiver();
        webhook(listening.url(), "SMS_RECEIVED");
        Fixtures.Webhook disabled = webhook(paused.url(), "SMS_RECEIVED");
        fixtures.webhookEnabled(disabled.id(), false);
        Fixtures.Phone paired = fixtures.phone("webhook-disabled");
        String whilePaused = Fixtures.uniqueName("Pendant");
        String afterwards = Fixtures.uniqueName("Après");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 076", whilePaused);
            // Deliveries are stored with the SMS: once the other webhook has its one, the paused one's would exist.
            listening.await(r -> r.json().getString("text").equals(whilePaused));
            assertEquals("", fixtures.webhookDeliveries(disabled.id()), "no delivery stored for a disabled webhook");

            fixtures.webhookEnabled(disabled.id(), true);
            receive(phone, "50 100 076", afterwards);
        }

        WebhookReceiver.Request request =
                paused.await(r -> r.json().getString("text").equals(afterwards));
        assertSignedWith(disabled.secret(), request);
        assertTrue(
                paused.all().stream().noneMatch(r -> r.json().getString("text").equals(whilePaused)),
                "nothing from while it was disabled");
        assertTrue(fixtures.audit("WEBHOOK_CHANGED").contains(paused.url() + " SUCCESS disabled"));
        assertTrue(fixtures.audit("WEBHOOK_CHANGED").contains(paused.url() + " SUCCESS enabled"));
    }

    @Test
    void whatWasPendingWhenAWebhookWasDisabledIsSentOnceItIsEnabledAgain() {
        WebhookReceiver receiver = receiver(503).holdingTheFirstAnswer();
        Fixtures.Webhook webhook = webhook(receiver.url(), "SMS_RECEIVED");
        Fixtures.Phone paired = fixtures.phone("webhook-resume");
        String text = Fixtures.uniqueName("Plus tard");
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 077", text);
        }
        String deliveryId =
                receiver.await(r -> r.json().getString("text").equals(text)).header("X-Switchboard-Delivery");
        fixtures.webhookEnabled(webhook.id(), false);
        receiver.release();
        assertTrue(fixtures.webhookAttemptEnded(deliveryId, "PENDING"));
        assertEquals(
                deliveryId + " sms.received PENDING attempts=1 status=503 error=HTTP 503",
                fixtures.webhookDeliveries(webhook.id()));

        fixtures.webhookEnabled(webhook.id(), true);

        receiver.awaitCount(r -> r.json().getString("text").equals(text), 2);
        assertTrue(fixtures.webhookAttemptEnded(deliveryId, "DELIVERED"));
        assertEquals(
                deliveryId + " sms.received DELIVERED attempts=2 status=200 error=null",
                fixtures.webhookDeliveries(webhook.id()));
    }

    @Test
    void aNewSecretSignsEveryRequestFromThenOn() {
        WebhookReceiver receiver = receiver();
        Fixtures.Webhook webhook = webhook(receiver.url(), "SMS_RECEIVED");
        Fixtures.Phone paired = fixtures.phone("webhook-secret");
        String before = Fixtures.uniqueName("Avant");
        String after = Fixtures.uniqueName("Après");
        String renewed;
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 078", before);
            assertSignedWith(
                    webhook.secret(),
                    receiver.await(r -> r.json().getString("text").equals(before)));

            renewed = fixtures.renewWebhookSecret(webhook.id());
            receive(phone, "50 100 078", after);
        }

        WebhookReceiver.Request request =
                receiver.await(r -> r.json().getString("text").equals(after));
        assertTrue(renewed.startsWith("whsec_") && !renewed.equals(webhook.secret()), renewed);
        assertSignedWith(renewed, request);
        assertFalse(request.isSignedWith(webhook.secret()), "the old secret signs nothing more");
        assertTrue(fixtures.audit("WEBHOOK_CHANGED").contains(receiver.url() + " SUCCESS new secret"));
        assertFalse(fixtures.audit("WEBHOOK_CHANGED").contains(renewed), "the secret is not in the audit trail");
    }

    @Test
    void deliveriesThatEndedAreForgottenAfterTheKeepPeriodAndPendingOnesAreKept() {
        WebhookReceiver delivering = receiver();
        WebhookReceiver refusing = receiver(503).holdingTheFirstAnswer();
        Fixtures.Webhook delivered = webhook(delivering.url(), "SMS_RECEIVED");
        Fixtures.Webhook pending = webhook(refusing.url(), "SMS_RECEIVED");
        Fixtures.Phone paired = fixtures.phone("webhook-forget");
        String old = Fixtures.uniqueName("Ancien");
        String recent = Fixtures.uniqueName("Récent");
        String recentDelivery;
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            receive(phone, "50 100 079", old);
            String oldDelivery = delivering
                    .await(r -> r.json().getString("text").equals(old))
                    .header("X-Switchboard-Delivery");
            assertTrue(fixtures.webhookAttemptEnded(oldDelivery, "DELIVERED"));
            String refused =
                    refusing.await(r -> r.json().getString("text").equals(old)).header("X-Switchboard-Delivery");
            fixtures.webhookEnabled(pending.id(), false);
            refusing.release();
            assertTrue(fixtures.webhookAttemptEnded(refused, "PENDING"));
            assertEquals(1, fixtures.ageWebhookDeliveries(delivered.id(), 31));
            assertEquals(0, fixtures.ageWebhookDeliveries(pending.id(), 31), "a pending delivery has not ended");

            receive(phone, "50 100 079", recent);
            recentDelivery = delivering
                    .await(r -> r.json().getString("text").equals(recent))
                    .header("X-Switchboard-Delivery");
            assertTrue(fixtures.webhookAttemptEnded(recentDelivery, "DELIVERED"));
        }

        assertTrue(fixtures.forgetOldWebhookDeliveries() >= 1);

        String kept = fixtures.webhookDeliveries(delivered.id());
        assertTrue(kept.startsWith(recentDelivery + " sms.received DELIVERED") && !kept.contains("\n"), kept);
        assertTrue(fixtures.webhookDeliveries(pending.id()).contains(" sms.received PENDING attempts=1"));
    }

    @Test
    void aBadUrlOrNoEventIsRefusedWithTheReasonAndNothingStored() {
        String host = Fixtures.uniqueName("refused") + ".example";
        for (String url : List.of("ftp://" + host + "/hook", host + "/hook", "http:///" + host, "")) {
            assertEquals("400 error.sms.webhook.url url", fixtures.webhookRefused(url, "SMS_STATE"), url);
        }
        assertEquals("400 error.sms.webhook.events events", fixtures.webhookRefused("https://" + host + "/h", ""));
        assertFalse(fixtures.audit("WEBHOOK_ADDED").contains(host), "nothing registered");
    }

    @Test
    void addingAndDeletingAWebhookAreAudited() {
        String url = "https://school.example/" + Fixtures.uniqueName("audited");
        Fixtures.Webhook webhook = fixtures.webhook(url, "SMS_STATE,SMS_RECEIVED");
        fixtures.deleteWebhook(webhook.id());

        assertTrue(fixtures.audit("WEBHOOK_ADDED").contains(url + " SUCCESS sms.received, sms.state"));
        assertTrue(fixtures.audit("WEBHOOK_DELETED").contains(url + " SUCCESS"));
        assertEquals("", fixtures.webhookDeliveries(webhook.id()));
    }

    private WebhookReceiver receiver(int... firstStatuses) {
        WebhookReceiver receiver = new WebhookReceiver(firstStatuses);
        receivers.add(receiver);
        return receiver;
    }

    private Fixtures.Webhook webhook(String url, String events) {
        Fixtures.Webhook webhook = fixtures.webhook(url, events);
        webhooks.add(webhook.id());
        return webhook;
    }

    private static boolean isState(WebhookReceiver.Request request, long messageId, String state) {
        JsonObject body = request.json();
        return body.getString("event").equals("sms.state")
                && body.getJsonNumber("messageId").longValue() == messageId
                && body.getString("state").equals(state);
    }

    private static void assertSignedWith(String secret, WebhookReceiver.Request request) {
        assertTrue(
                request.isSignedWith(secret),
                "signature " + request.header("X-Switchboard-Signature") + " of " + request.json());
    }

    private static void report(TestPhone phone, String command, String state, String reason) {
        String id = phone.send(
                "sms_status",
                "{\"ref\": \"" + command + "\", \"part\": 1, \"parts\": 1, \"state\": \"" + state + "\""
                        + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }

    private static void receive(TestPhone phone, String from, String text) {
        String id = phone.send("sms_received", "{\"from\": \"" + from + "\", \"text\": \"" + text + "\"}");
        phone.await(f -> action(f).equals("ack") && ref(f).equals(id));
    }
}
