package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on 127.0.0.1 playing Switchboard's side: it records every frame and handshake, and the
 * test decides what to answer. Waiting is on conditions with a deadline.
 */
final class LocalServer extends WebSocketServer implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    private final List<Frames.Frame> frames = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private WebSocket current;
    private int connections;

    LocalServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
    }

    static LocalServer started() throws InterruptedException {
        LocalServer server = new LocalServer();
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            fail("the local WebSocket server did not start");
        }
        return server;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/ws/phone";
    }

    @Override
    public synchronized void onOpen(WebSocket connection, ClientHandshake handshake) {
        current = connection;
        connections++;
        authorizations.add(handshake.getFieldValue("Authorization"));
        notifyAll();
    }

    @Override
    public synchronized void onClose(WebSocket connection, int code, String reason, boolean remote) {
        notifyAll();
    }

    @Override
    public synchronized void onMessage(WebSocket connection, String message) {
        frames.add(Frames.parse(message));
        notifyAll();
    }

    @Override
    public void onError(WebSocket connection, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    synchronized void send(String frame) {
        current.send(frame);
    }

    synchronized void closeCurrent(int code, String reason) {
        current.close(code, reason);
    }

    synchronized int connections() {
        return connections;
    }

    synchronized List<String> authorizations() {
        return new ArrayList<>(authorizations);
    }

    synchronized List<Frames.Frame> frames() {
        return new ArrayList<>(frames);
    }

    synchronized List<Frames.Frame> frames(String action) {
        List<Frames.Frame> matching = new ArrayList<>();
        for (Frames.Frame frame : frames) {
            if (frame.action().equals(action)) {
                matching.add(frame);
            }
        }
        return matching;
    }

    /** Waits until the condition holds on the server's state, or fails the test after the deadline. */
    synchronized void await(String what, Predicate<LocalServer> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.test(this)) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                fail("waited " + DEADLINE.toSeconds() + " s for " + what + "; frames: " + describe(frames));
            }
            wait(left);
        }
    }

    /** The n-th frame (from 1) of this action, once it arrived. */
    Frames.Frame awaitFrame(String action, int n) throws InterruptedException {
        await(n + " " + action + " frame(s)", server -> server.frames(action).size() >= n);
        return frames(action).get(n - 1);
    }

    /** Wakes the waiters: the condition may be about something outside the server. */
    synchronized void poke() {
        notifyAll();
    }

    private static String describe(List<Frames.Frame> frames) {
        StringBuilder text = new StringBuilder();
        for (Frames.Frame frame : frames) {
            text.append(frame.action()).append(frame.data()).append(' ');
        }
        return text.toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
