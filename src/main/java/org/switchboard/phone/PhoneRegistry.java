package org.switchboard.phone;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The live connection of each phone: at most one, a new connection replacing the old. Thread-safe. */
@ApplicationScoped
public class PhoneRegistry {

    static final CloseReason.CloseCode REPLACED = CloseReason.CloseCodes.getCloseCode(4409);
    static final CloseReason.CloseCode REVOKED = CloseReason.CloseCodes.getCloseCode(4403);

    private final Map<Long, PhoneConnection> live = new ConcurrentHashMap<>();

    @Resource
    private ManagedThreadFactory threads;

    private ExecutorService writers;

    @PostConstruct
    void start() {
        writers = Executors.newCachedThreadPool(threads);
    }

    @PreDestroy
    void stop() {
        live.values()
                .forEach(connection -> connection.close(
                        PhoneDisconnected.Reason.SERVER_STOPPING,
                        CloseReason.CloseCodes.GOING_AWAY,
                        "server stopping"));
        writers.shutdown();
    }

    /** The pool that writes to phones; a blocked phone blocks only the thread writing to it. */
    ExecutorService writers() {
        return writers;
    }

    /** Makes this the phone's connection, closing the one it replaces. */
    void register(PhoneConnection connection) {
        PhoneConnection previous = live.put(connection.deviceId(), connection);
        if (previous != null && previous != connection) {
            previous.close(PhoneDisconnected.Reason.CLOSED, REPLACED, "replaced by a newer connection");
        }
    }

    /** @return false if a newer connection had already replaced this one */
    boolean remove(PhoneConnection connection) {
        return live.remove(connection.deviceId(), connection);
    }

    Optional<PhoneConnection> connection(long deviceId) {
        return Optional.ofNullable(live.get(deviceId));
    }

    Collection<PhoneConnection> connections() {
        return List.copyOf(live.values());
    }

    void revoked(long deviceId) {
        connection(deviceId)
                .ifPresent(connection ->
                        connection.close(PhoneDisconnected.Reason.REVOKED, REVOKED, "this phone has been revoked"));
    }

    public boolean isConnected(long deviceId) {
        return live.containsKey(deviceId);
    }

    public int connectedCount() {
        return live.size();
    }

    /** What the Phones page shows about a live connection. */
    public Optional<LiveConnection> live(long deviceId) {
        return connection(deviceId).map(c -> new LiveConnection(c.connectedAt(), c.lastHeardAt(), c.isSecure()));
    }

    public record LiveConnection(Instant since, Instant lastHeardAt, boolean secure) {}
}
