package org.switchboard.phone;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One phone's live WebSocket. Frames to the phone go through a queue of their own that one writer thread at a time
 * drains, so a slow or dead phone holds up nobody else, and frames reach the phone in the order they were sent.
 */
final class PhoneConnection {

    static final int MAX_ERRORS = 20;
    static final Duration ERROR_WINDOW = Duration.ofMinutes(1);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEEN_PRECISION = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(PhoneConnection.class.getName());

    private final Session session;
    private final long deviceId;
    private final String deviceName;
    private final Instant connectedAt;
    private final Executor writers;
    private final Queue<Outbound> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<String> deliveredCommands = ConcurrentHashMap.newKeySet();
    private final Deque<Instant> recentErrors = new ArrayDeque<>();
    private final AtomicReference<PhoneDisconnected.Reason> closedBecause = new AtomicReference<>();
    private volatile PhoneProtocol protocol;
    private volatile Instant lastHeardAt;
    private volatile Instant unansweredPingAt;
    private volatile Instant lastSeenStoredAt;

    PhoneConnection(
            Session session,
            long deviceId,
            String deviceName,
            PhoneProtocol declared,
            Instant connectedAt,
            Executor writers) {
        this.session = session;
        this.deviceId = deviceId;
        this.deviceName = deviceName;
        this.protocol = declared;
        this.connectedAt = connectedAt;
        this.lastHeardAt = connectedAt;
        this.lastSeenStoredAt = connectedAt;
        this.writers = writers;
    }

    long deviceId() {
        return deviceId;
    }

    String deviceName() {
        return deviceName;
    }

    Instant connectedAt() {
        return connectedAt;
    }

    Session session() {
        return session;
    }

    boolean isSecure() {
        return session.isSecure();
    }

    /** The protocol, once the phone has said which: null until its first frame (or a {@code protocol=seed} URL). */
    PhoneProtocol protocol() {
        return protocol;
    }

    void speaks(PhoneProtocol spoken) {
        protocol = spoken;
    }

    boolean isReady() {
        return protocol != null;
    }

    /** @return whether enough time has passed since the last-seen time was stored to store it again */
    boolean heard(Instant now) {
        lastHeardAt = now;
        unansweredPingAt = null;
        if (!now.isBefore(lastSeenStoredAt.plus(SEEN_PRECISION))) {
            lastSeenStoredAt = now;
            return true;
        }
        return false;
    }

    Instant lastHeardAt() {
        return lastHeardAt;
    }

    /** The server is about to ping the phone; from the first ping not answered yet, the phone's silence counts. */
    void pinging(Instant now) {
        if (unansweredPingAt == null) {
            unansweredPingAt = now;
        }
    }

    /**
     * Whether a ping sent before this time has had no answer. Counted from the ping rather than from the last frame
     * heard: a server that fell behind with its pings (its scheduler busy, a pause) has not heard from a phone it has
     * not asked, and must not cut it off for that.
     */
    boolean silentSince(Instant time) {
        Instant pingedAt = unansweredPingAt;
        return pingedAt != null && pingedAt.isBefore(time);
    }

    /** @return false if this command was already sent on this connection */
    boolean markDelivered(String commandId) {
        return deliveredCommands.add(commandId);
    }

    /**
     * Counts a bad frame.
     *
     * @return true when the phone has sent too many of them and should be cut off
     */
    synchronized boolean tooManyErrors(Instant now) {
        recentErrors.addLast(now);
        while (!recentErrors.isEmpty() && !recentErrors.peekFirst().isAfter(now.minus(ERROR_WINDOW))) {
            recentErrors.removeFirst();
        }
        return recentErrors.size() > MAX_ERRORS;
    }

    /** Something for the writer: a frame (and what to do once it is written), or the close that ends the queue. */
    private sealed interface Outbound {
        record Text(String frame, Runnable afterWritten) implements Outbound {}

        record Close(CloseReason reason) implements Outbound {}
    }

    void send(String frame) {
        send(frame, null);
    }

    /** Queues a frame; {@code afterWritten} runs on the writer's thread once the phone's socket has taken it. */
    void send(String frame, Runnable afterWritten) {
        outbound.add(new Outbound.Text(frame, afterWritten));
        drainLater();
    }

    void ping() {
        writers.execute(() -> {
            try {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Ping to phone " + deviceId + " failed", e);
            }
        });
    }

    /**
     * Closes the socket once, after the frames already queued (such as the error that explains it); the reason given
     * first is the one reported.
     */
    void close(PhoneDisconnected.Reason reason, CloseReason.CloseCode code, String text) {
        if (closedBecause.compareAndSet(null, reason)) {
            outbound.add(new Outbound.Close(new CloseReason(code, text)));
            drainLater();
        }
    }

    /** Why the server closed it, or {@link PhoneDisconnected.Reason#CLOSED} if the phone (or the network) did. */
    PhoneDisconnected.Reason closedBecause() {
        PhoneDisconnected.Reason reason = closedBecause.get();
        return reason == null ? PhoneDisconnected.Reason.CLOSED : reason;
    }

    private void drainLater() {
        if (draining.compareAndSet(false, true)) {
            writers.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Outbound next;
            while ((next = outbound.poll()) != null && session.isOpen()) {
                if (next instanceof Outbound.Text text) {
                    write(text);
                } else if (next instanceof Outbound.Close close) {
                    closeNow(close.reason());
                }
            }
        } finally {
            draining.set(false);
            if (!outbound.isEmpty() && session.isOpen()) {
                drainLater();
            }
        }
    }

    private void write(Outbound.Text text) {
        try {
            session.getAsyncRemote().sendText(text.frame()).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            LOG.log(Level.INFO, "Phone " + deviceId + " is not taking frames; closing its connection", e);
            closedBecause.compareAndSet(null, PhoneDisconnected.Reason.CLOSED);
            closeNow(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "write failed"));
            return;
        }
        if (text.afterWritten() != null) {
            text.afterWritten().run();
        }
    }

    private void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing phone " + deviceId + " failed", e);
        }
    }
}
