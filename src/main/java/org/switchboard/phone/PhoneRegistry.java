package org.switchboard.phone;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.websocket.CloseReason;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The live connection of each phone: at most one, a new connection replacing the old. Thread-safe. */
@ApplicationScoped
public class PhoneRegistry {

    static final CloseReason.CloseCode REPLACED = CloseReason.CloseCodes.getCloseCode(4409);
    static final CloseReason.CloseCode REVOKED = CloseReason.CloseCodes.getCloseCode(4403);

    private final Map<Long, PhoneConnection> live = new ConcurrentHashMap<>();

    /**
     * The phones revoked since this server started. A handshake reads the token's device before a revocation commits
     * and registers after it; this set, checked and updated under the device's entry in {@link #live}, is what turns
     * such a late registration away (earlier revocations are refused by the handshake itself).
     */
    private final Set<Long> revoked = ConcurrentHashMap.newKeySet();

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

    /**
     * Makes this the phone's connection, closing the one it replaces.
     *
     * @return false if the phone has been revoked meanwhile: the connection is not registered
     */
    boolean register(PhoneConnection connection) {
        PhoneConnection[] replaced = new PhoneConnection[1];
        PhoneConnection current = live.compute(connection.deviceId(), (deviceId, previous) -> {
            if (revoked.contains(deviceId)) {
                return previous;
            }
            replaced[0] = previous;
            return connection;
        });
        if (replaced[0] != null && replaced[0] != connection) {
            replaced[0].close(PhoneDisconnected.Reason.CLOSED, REPLACED, "replaced by a newer connection");
        }
        return current == connection;
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

    /**
     * Closes the phone's connection once the revocation has committed, and refuses any registration from then on: the
     * admin sees "Revoked" only after this has run.
     */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) PhoneRevoked event) {
        PhoneConnection[] closing = new PhoneConnection[1];
        live.compute(event.deviceId(), (deviceId, connection) -> {
            revoked.add(deviceId);
            closing[0] = connection;
            return connection;
        });
        if (closing[0] != null) {
            closing[0].close(PhoneDisconnected.Reason.REVOKED, REVOKED, "this phone has been revoked");
        }
    }

    /** Whether the phone was revoked while this server ran: nothing it still sends is acted on. */
    boolean isRevoked(long deviceId) {
        return revoked.contains(deviceId);
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
