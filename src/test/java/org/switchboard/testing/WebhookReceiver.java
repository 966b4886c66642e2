package org.switchboard.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver, as the school's platform would run one: an HTTP server on a free loopback port of the test that
 * keeps every request and answers the scripted statuses first, then 200. It checks signatures with its own HMAC code,
 * not the server's.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** One request as received: its headers and the exact body bytes. */
    public record Request(Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }

        /**
         * Whether X-Switchboard-Signature is {@code t=<unix seconds>,v1=<hex>}, the hex being the HMAC-SHA256 of
         * {@code "<t>." + body} keyed with the secret (compared in constant time), and {@code t} within five minutes
         * of this machine's clock, as docs/webhooks.md tells a receiver to check.
         */
        public boolean isSignedWith(String secret) {
            String presented = header("X-Switchboard-Signature");
            Matcher parts = presented == null ? null : SIGNATURE.matcher(presented);
            if (parts == null || !parts.matches()) {
                return false;
            }
            long seconds = Long.parseLong(parts.group(1));
            if (Math.abs(Instant.now().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
                byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
                return MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d{1,12}),v1=([0-9a-f]{64})");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private final CountDownLatch firstAnswer = new CountDownLatch(1);
    private volatile boolean holdingFirst;

    /** @param firstStatuses what the first requests are answered, in order */
    public WebhookReceiver(int... firstStatuses) {
        Arrays.stream(firstStatuses).forEach(statuses::add);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = record(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            if (holdingFirst) {
                holdingFirst = false;
                awaitRelease();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Makes the first request wait for {@link #release} before it is answered, as a slow receiver would. */
    public WebhookReceiver holdingTheFirstAnswer() {
        holdingFirst = true;
        return this;
    }

    public void release() {
        firstAnswer.countDown();
    }

    private void awaitRelease() {
        try {
            if (!firstAnswer.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never released the first answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private synchronized int record(Request request) {
        requests.add(request);
        notifyAll();
        return statuses.isEmpty() ? 200 : statuses.poll();
    }

    public synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    /** The first request that is wanted, once there is one; fails after 20 s. */
    public Request await(Predicate<Request> wanted) {
        awaitCount(wanted, 1);
        return all().stream().filter(wanted).findFirst().orElseThrow();
    }

    /** Returns once {@code count} requests are wanted; fails after 20 s. */
    public synchronized void awaitCount(Predicate<Request> wanted, int count) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (requests.stream().filter(wanted).count() < count) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("the receiver got "
                        + requests.stream()
                                .map(r -> new String(r.body(), StandardCharsets.UTF_8))
                                .toList());
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
