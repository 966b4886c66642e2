package org.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Client side of {@link FixtureServlet}: users and keys with unique names, so tests never depend on each other. */
public final class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private final URL base;
    private final HttpClient http = HttpClient.newHttpClient();
    private String contactsKey;

    public Fixtures(URL base) {
        this.base = base;
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user with {@link #PASSWORD}, who must change it at first login if {@code temporary}. */
    public String user(String prefix, String role, boolean temporary) {
        String username = uniqueName(prefix);
        post(Map.of(
                "create", "user",
                "username", username,
                "role", role,
                "password", PASSWORD,
                "temporary", String.valueOf(temporary)));
        return username;
    }

    /** As {@link #user(String, String, boolean)}, with a display name other than the username. */
    public String user(String prefix, String role, String displayName) {
        String username = uniqueName(prefix);
        post(Map.of(
                "create", "user",
                "username", username,
                "displayName", displayName,
                "role", role,
                "password", PASSWORD,
                "temporary", "false"));
        return username;
    }

    public void disable(String username) {
        post(Map.of("create", "disabled", "username", username));
    }

    /** Lets the user sign in again at once, as an admin would with "Unlock" on the users page. */
    public void unlock(String username) {
        post(Map.of("create", "unlocked", "username", username));
    }

    /** The wrong passwords counted for the user since their last sign-in. */
    public int failedLogins(String username) {
        return Integer.parseInt(
                get("?read=failedLogins&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)));
    }

    /** Gives the user another role, as an admin would on the users page. */
    public void role(String username, String role) {
        post(Map.of("create", "role", "username", username, "role", role));
    }

    /** Saves a contact through the REST API, as the school's platform would. */
    public void contact(String externalId, String json) {
        put("api/v1/contacts/" + externalId, json);
    }

    /** As {@link #contact(String, String)}, for a contact whose numbers other contacts have too. */
    public void contactSharingNumbers(String externalId, String json) {
        put("api/v1/contacts/" + externalId + "?sharedNumbers=true", json);
    }

    /** Saves an invoice through the REST API, as the school's platform would. */
    public void invoice(String number, String json) {
        put("api/v1/invoices/" + number, json);
    }

    private void put(String path, String json) {
        if (contactsKey == null) {
            contactsKey = apiKey();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + contactsKey)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build();
        send(request, path);
    }

    /** A paired phone: its id and its token. */
    public record Phone(long id, String name, String token) {}

    public Phone phone(String prefix) {
        String name = uniqueName(prefix);
        String[] idAndToken = post(Map.of("create", "device", "name", name)).split(" ");
        return new Phone(Long.parseLong(idAndToken[0]), name, idAndToken[1]);
    }

    /** Pairs a phone and returns the pairing link the server issues for an admin page opened at {@code origin}. */
    public String pairingLink(String origin) {
        return post(Map.of("create", "pairingLink", "name", uniqueName("tls"), "origin", origin));
    }

    /**
     * Makes the server send a command to a phone through the gateway, as a feature would.
     *
     * @param parameters {@code command} (sms, call, answer, reject, hangUp, dtmf, cancel, revoke) and its arguments
     * @return the command's id
     */
    public String command(long device, String... parameters) {
        Map<String, String> form = new HashMap<>();
        form.put("device", String.valueOf(device));
        for (int i = 0; i < parameters.length; i += 2) {
            form.put(parameters[i], parameters[i + 1]);
        }
        return post(form);
    }

    /** How many lines the server has logged since the first call, which starts the count. */
    public long logLines() {
        return Long.parseLong(get("?read=logLines").strip());
    }

    /** The server's log records so far: a stack trace is one. */
    public long logRecords() {
        return Long.parseLong(get("?read=logRecords").strip());
    }

    /** What the server holds about a phone: {@code events}, {@code commands}, {@code device} or {@code incomingOf} (its received SMS). */
    public String read(String what, long device) {
        return get("?read=" + what + "&device=" + device);
    }

    /** The latest audit entries with this action, newest first: {@code target outcome detail} a line. */
    public String audit(String action) {
        return get("?read=audit&action=" + action);
    }

    /** The latest audit entries with this action done by this actor, newest first, as {@link #audit(String)}. */
    public String audit(String action, String actor) {
        return get("?read=audit&action=" + action + "&actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8));
    }

    /**
     * Queues SMS through the real service.
     *
     * @param device the phone to send through, or null to let the dispatcher choose
     * @return the messages' ids
     */
    public List<Long> sms(Long device, String text, String... numbers) {
        Map<String, String> form = new HashMap<>();
        form.put("sms", "send");
        form.put("text", text);
        form.put("numbers", String.join(",", numbers));
        if (device != null) {
            form.put("device", String.valueOf(device));
        }
        return Arrays.stream(post(form).split(",")).map(Long::valueOf).toList();
    }

    /** Saves an SMS template through the real service. */
    public void template(String name, String text) {
        post(Map.of("template", name, "text", text));
    }

    /**
     * Pauses, resumes or cancels the campaign a message belongs to ({@code true}, or the number cancelled), gives its id
     * ({@code id}), or reads
     * its progress: {@code status=… total=… waiting=… sending=… delivered=… failed=… cancelled=… percent=… finished=…}.
     */
    public String campaign(long messageId, String action) {
        return post(Map.of("campaign", action, "message", String.valueOf(messageId)));
    }

    /** A message's state and timeline: {@code STATE device=… attempts=… reason=… | QUEUED DISPATCHED …}. */
    public String smsState(long id) {
        return get("?read=sms&id=" + id);
    }

    /** How many messages with this text are in each state: {@code DISPATCHED=3 SENT=997}, states in name order. */
    public String smsStates(String text) {
        return get("?read=smsStates&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    /** What the inbox holds from (or typed on a phone to) this E.164 number: {@code DIRECTION text} a line. */
    public String incoming(String number) {
        return get("?read=incoming&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8));
    }

    /** A webhook registered through the service: its id and its secret. */
    public record Webhook(long id, String secret) {}

    /** @param events {@code SMS_RECEIVED}, {@code SMS_STATE} or both, comma-separated */
    public Webhook webhook(String url, String events) {
        String[] idAndSecret =
                post(Map.of("webhook", "add", "url", url, "events", events)).split(" ");
        return new Webhook(Long.parseLong(idAndSecret[0]), idAndSecret[1]);
    }

    /** What the service says to a webhook it refuses: {@code status messageKey field}. */
    public String webhookRefused(String url, String events) {
        HttpResponse<String> response = exchange(form(Map.of("webhook", "add", "url", url, "events", events)));
        return response.statusCode() + " " + response.body();
    }

    public void webhookEnabled(long id, boolean enabled) {
        post(Map.of("webhook", enabled ? "enable" : "disable", "id", String.valueOf(id)));
    }

    public void deleteWebhook(long id) {
        post(Map.of("webhook", "delete", "id", String.valueOf(id)));
    }

    /** A new secret for the webhook, as the page's "New secret" gives. */
    public String renewWebhookSecret(long id) {
        return post(Map.of("webhook", "renew", "id", String.valueOf(id)));
    }

    /**
     * Moves the webhook's deliveries that ended back by that many days, as if the time had passed.
     *
     * @return how many were moved
     */
    public int ageWebhookDeliveries(long id, int days) {
        return Integer.parseInt(post(Map.of("webhook", "age", "id", String.valueOf(id), "days", String.valueOf(days))));
    }

    /** Runs the hourly forgetting of old deliveries now; how many it forgot. */
    public int forgetOldWebhookDeliveries() {
        return Integer.parseInt(post(Map.of("webhook", "forget")));
    }

    /** A webhook's deliveries, newest first: {@code deliveryId event STATE attempts=… status=… error=…} a line. */
    public String webhookDeliveries(long webhook) {
        return get("?read=webhookDeliveries&webhook=" + webhook);
    }

    /**
     * Same, once a try ended in the state (PENDING, DELIVERED, FAILED), or after 20 s.
     *
     * @param delivery the delivery whose try is awaited, or null for any of the webhook's
     */
    public String webhookDeliveriesOnce(long webhook, String delivery, String state) {
        return get("?read=webhookDeliveries&webhook=" + webhook + (delivery == null ? "" : "&delivery=" + delivery)
                + "&until=" + state);
    }

    /** Whether a try of the delivery ended in the state (PENDING, DELIVERED, FAILED), once it did or after 20 s. */
    public boolean webhookAttemptEnded(String delivery, String state) {
        return Boolean.parseBoolean(get("?read=webhookAttempt&delivery=" + delivery + "&until=" + state));
    }

    /** Reads through the services, lets a managed task run and end, reads again, in one request: what happened. */
    public String readsAroundManagedTask() {
        return get("?reads=aroundManagedTask");
    }

    /** The server's memory after a full collection: {@code heapUsedBytes=… rssKiB=…}. */
    public String memory() {
        return get("?read=memory");
    }

    /** The phone's events, once one of them contains the text (or after 20 s, to let the caller's assertion fail). */
    public String eventsOnce(long device, String text) {
        return get("?read=events&device=" + device + "&until=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private String get(String query) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(FixtureServlet.PATH.substring(1) + query))
                .GET()
                .build();
        return send(request, query);
    }

    public String revokedApiKey() {
        return post(Map.of("create", "revokedApiKey", "name", uniqueName("revoked")));
    }

    /** A key created by a new admin of its own. */
    public String apiKey() {
        return post(Map.of("create", "apiKey", "name", uniqueName("key")));
    }

    /** A key created by this user, which works only while the user exists and is enabled. */
    public String apiKey(String creator) {
        return post(Map.of("create", "apiKey", "name", uniqueName("key"), "by", creator));
    }

    private String post(Map<String, String> form) {
        return send(form(form), form.toString());
    }

    private HttpRequest form(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base.toString()).resolve(FixtureServlet.PATH.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String send(HttpRequest request, String what) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "Fixture " + what + " failed: " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a user does with calls, through the real service.
     *
     * @param parameters {@code calls} (place, answer, reject, hangUp, dtmf, mute, takeOver, notes), {@code user} and the arguments
     * @return the placed call's id, or {@code ok}
     */
    public String calls(String... parameters) {
        Map<String, String> form = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            form.put(parameters[i], parameters[i + 1]);
        }
        return post(form);
    }

    /** A phone's calls, one a line, once they contain the text (or after 20 s, for the caller's assertion to fail). */
    public String callsOnce(long device, String text) {
        return get("?read=calls&device=" + device + "&until=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
}
