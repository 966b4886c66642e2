package org.switchboard.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A phone as far as the server can tell: a real WebSocket client on {@code /ws/phone} that records every frame it
 * receives. Unless told to stay silent, it answers the server's pings as the companion app does.
 */
public final class TestPhone implements AutoCloseable {

    public static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> history = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Object sending = new Object();
    private volatile boolean answersPings = true;
    private WebSocket socket;

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {}

    private TestPhone() {}

    /** Connects with the token in an {@code Authorization: Bearer} header, as the companion does. */
    public static TestPhone connect(URL base, String token) {
        return open(uri(base, ""), token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** Connects with whatever query the URL should carry, e.g. {@code token=…&protocol=seed}, and no header. */
    public static TestPhone connectWithQuery(URL base, String query) {
        return open(uri(base, "?" + query), Map.of());
    }

    public static URI uri(URL base, String query) {
        String http = base.toString().replaceFirst("/$", "");
        return URI.create(http.replaceFirst("^http", "ws") + "/ws/phone" + query);
    }

    /** Connects over {@code wss://}, trusting the server as the given TLS context decides (e.g. a pinned certificate). */
    public static TestPhone connectSecurely(URI uri, String token, SSLContext tls) {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        return open(client, uri, Map.of("Authorization", "Bearer " + token));
    }

    /** A socket to any test endpoint that speaks JSON frames, e.g. the benchmark's echo. */
    public static TestPhone open(URI uri, Map<String, String> headers) {
        return open(HTTP, uri, headers);
    }

    private static TestPhone open(HttpClient client, URI uri, Map<String, String> headers) {
        TestPhone phone = new TestPhone();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(DEADLINE);
        headers.forEach(builder::header);
        try {
            phone.socket =
                    builder.buildAsync(uri, phone.new Listener()).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not connect to " + uri, e);
        }
        return phone;
    }

    public String nextId() {
        return "t-" + ids.incrementAndGet();
    }

    /** Sends text exactly as given. */
    public void send(String frame) {
        send(socket, frame);
    }

    // The JDK client refuses a send while another is pending, and pongs go out from the listener's thread.
    private void send(WebSocket webSocket, String frame) {
        synchronized (sending) {
            webSocket.sendText(frame, true).join();
        }
    }

    /**
     * Sends a frame the server may close the socket on before reading it all: waits until the frame is sent or the
     * socket closed, whichever comes first.
     */
    public void sendOrBeClosed(String frame) {
        synchronized (sending) {
            CompletableFuture<WebSocket> sent = socket.sendText(frame, true);
            try {
                CompletableFuture.anyOf(sent, closed).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException closedWhileSending) {
                // The server closed, or reset, the connection before it had the whole frame: what the caller awaits.
            } catch (TimeoutException e) {
                throw new AssertionError("Neither sent nor closed within " + DEADLINE, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Sends a version-1 frame with a fresh id, and returns the id. */
    public String send(String action, String data) {
        String id = nextId();
        send("{\"action\":\"" + action + "\",\"id\":\"" + id + "\",\"data\":" + data + "}");
        return id;
    }

    /** Says hello as a version-1 phone and waits for the welcome. */
    public JsonObject hello() {
        String id = send(
                "hello",
                """
                {"protocol": 1, "app": "1.0.0", "android": "14", "model": "Pixel 7",
                 "battery": {"level": 81, "charging": true}, "signal": 3,
                 "sims": [{"slot": 0, "carrier": "Ooredoo", "number": "+21650000001"}]}""");
        return await(f -> action(f).equals("welcome") && ref(f).equals(id));
    }

    /**
     * The next {@code send_sms} command with this text, skipping others: in a database shared between test classes a
     * phone may also be handed messages other tests left queued.
     */
    public JsonObject awaitSms(String text) {
        return await(frame -> action(frame).equals("send_sms")
                && text.equals(frame.getJsonObject("data").getString("text", "")));
    }

    public void stopAnsweringPings() {
        answersPings = false;
    }

    /** The next frame with this action, skipping others (which stay in the history). */
    public JsonObject await(String action) {
        return await(frame -> action(frame).equals(action));
    }

    public JsonObject await(Predicate<JsonObject> wanted) {
        Instant deadline = Instant.now().plus(DEADLINE);
        try {
            while (true) {
                long left = Duration.between(Instant.now(), deadline).toMillis();
                JsonObject frame = left > 0 ? frames.poll(Math.min(left, 200), TimeUnit.MILLISECONDS) : null;
                if (frame == null && (left <= 0 || closed.isDone())) {
                    throw new AssertionError("No such frame "
                            + (closed.isDone() ? "before the socket closed " + closed.join() : "within " + DEADLINE)
                            + "; received " + history());
                }
                if (frame == null) {
                    continue;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The next frame, whatever it is, or empty if none came within {@code wait}: for a phone that handles every frame
     * itself, e.g. {@code SmsRestartIT}'s companion.
     */
    public Optional<JsonObject> next(Duration wait) {
        try {
            return Optional.ofNullable(frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Every frame received up to now, proven complete by a round trip: the server answers this phone's ping after
     * everything it sent before, so nothing sent earlier can still be on its way.
     */
    public List<JsonObject> framesSoFar() {
        String id = send("ping", "{}");
        await(f -> action(f).equals("pong") && ref(f).equals(id));
        return history();
    }

    public Closed awaitClose() {
        try {
            return closed.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Not closed within " + DEADLINE + "; received " + history(), e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    public synchronized List<JsonObject> history() {
        return List.copyOf(history);
    }

    /** Drops the connection without a close handshake, as a phone losing its network would. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    public static String action(JsonObject frame) {
        return frame.getString("action", "");
    }

    public static String ref(JsonObject frame) {
        JsonObject data = frame.getJsonObject("data");
        return data == null ? "" : data.getString("ref", "");
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonObject frame;
                try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                    frame = reader.readObject();
                }
                partial.setLength(0);
                synchronized (TestPhone.this) {
                    history.add(frame);
                }
                if (answersPings && action(frame).equals("ping")) {
                    send(
                            webSocket,
                            "{\"action\":\"pong\",\"id\":\"" + nextId() + "\",\"data\":{\"ref\":\""
                                    + frame.getString("id") + "\"}}");
                }
                frames.add(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
