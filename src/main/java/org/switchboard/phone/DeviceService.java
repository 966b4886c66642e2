package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.audit.AuditEvent;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;

/** Pairs, renames and revokes phones, checks the tokens they connect with, and stores what they say about themselves. */
@ApplicationScoped
@Transactional
public class DeviceService {

    static final String TOKEN_PREFIX = "sbp_";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<PhoneRevoked> revoked;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private Event<PhonePush.DevicesChanged> changed;

    /** A phone just paired, with its token in clear: shown once in the pairing code, never stored. */
    public record Pairing(Device device, String token) {}

    /** Who a token belongs to, if anyone, as the handshake needs to know. */
    public sealed interface Authentication {
        record Accepted(long deviceId, String deviceName) implements Authentication {}

        record Revoked(String deviceName) implements Authentication {}

        record Unknown() implements Authentication {}
    }

    public Pairing pair(String actor, String name) {
        String deviceName = validName(name, null);
        String token = Secrets.generate(TOKEN_PREFIX);
        Device device = new Device(deviceName, Secrets.sha256(token), actor, clock.instant());
        em.persist(device);
        audit.fire(AuditEvent.success(actor, PhoneAction.PHONE_PAIRED.name(), deviceName));
        changed.fire(new PhonePush.DevicesChanged());
        return new Pairing(device, token);
    }

    public void rename(String actor, long id, String name) {
        Device device = find(id);
        String newName = validName(name, device.getId());
        if (newName.equals(device.getName())) {
            return;
        }
        String oldName = device.getName();
        device.rename(newName);
        audit.fire(new AuditEvent(
                actor, PhoneAction.PHONE_RENAMED.name(), newName, AuditEvent.Outcome.SUCCESS, "was " + oldName));
        changed.fire(new PhonePush.DevicesChanged());
    }

    /** Android asks the user to confirm above its own limit of SMS a minute, which differs from phone to phone. */
    static final int MAX_SMS_PACE = 1_000;

    /**
     * Sets how many SMS parts a minute this phone may send per SIM.
     *
     * @param partsPerMinute null for the server's default, 0 for no limit
     */
    public void setSmsPace(String actor, long id, Integer partsPerMinute) {
        if (partsPerMinute != null && (partsPerMinute < 0 || partsPerMinute > MAX_SMS_PACE)) {
            throw new InvalidInputException("pace", "error.phone.pace", MAX_SMS_PACE);
        }
        Device device = find(id);
        if (Objects.equals(partsPerMinute, device.getSmsPartsPerMinute())) {
            return;
        }
        device.pace(partsPerMinute);
        audit.fire(new AuditEvent(
                actor,
                PhoneAction.PHONE_PACE_CHANGED.name(),
                device.getName(),
                AuditEvent.Outcome.SUCCESS,
                partsPerMinute == null ? "default pace" : partsPerMinute + " SMS parts a minute"));
    }

    /** Revokes the phone's token; its connection is closed as the revocation commits ({@link PhoneRegistry}). */
    public void revoke(String actor, long id) {
        Device device = find(id);
        if (device.isRevoked()) {
            return;
        }
        device.revoke(clock.instant());
        audit.fire(AuditEvent.success(actor, PhoneAction.PHONE_REVOKED.name(), device.getName()));
        revoked.fire(new PhoneRevoked(id, device.getName()));
        changed.fire(new PhonePush.DevicesChanged());
    }

    public Authentication authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return new Authentication.Unknown();
        }
        return em.createNamedQuery(Device.BY_TOKEN_HASH, Device.class)
                .setParameter("hash", Secrets.sha256(token))
                .getResultStream()
                .findFirst()
                .<Authentication>map(device -> device.isRevoked()
                        ? new Authentication.Revoked(device.getName())
                        : new Authentication.Accepted(device.getId(), device.getName()))
                .orElseGet(Authentication.Unknown::new);
    }

    public List<Device> list() {
        return em.createNamedQuery(Device.ALL, Device.class).getResultList();
    }

    /** When each phone not revoked was last heard from (null if never): all the indicator needs, in one query. */
    public Map<Long, Instant> lastSeenOfActive() {
        Map<Long, Instant> lastSeen = new HashMap<>();
        for (Object[] row :
                em.createNamedQuery(Device.ACTIVE_LAST_SEEN, Object[].class).getResultList()) {
            lastSeen.put((Long) row[0], (Instant) row[1]);
        }
        return lastSeen;
    }

    public Optional<Device> findById(long id) {
        return Optional.ofNullable(em.find(Device.class, id));
    }

    /**
     * Whether the phone tells the server what becomes of its calls: a phone that speaks the seed protocol takes a call
     * command without acknowledging it and reports nothing of the calls it places.
     */
    public boolean reportsCalls(long id) {
        return findById(id)
                .map(device -> device.getProtocol() != PhoneProtocol.SEED)
                .orElse(true);
    }

    void connected(long id) {
        findById(id).ifPresent(device -> device.connected(clock.instant()));
    }

    void speaks(long id, PhoneProtocol protocol) {
        findById(id).ifPresent(device -> device.speaks(protocol));
    }

    void describe(long id, DeviceStatus status) {
        findById(id).ifPresent(device -> {
            device.describe(status);
            device.seen(clock.instant());
        });
    }

    void seen(long id) {
        findById(id).ifPresent(device -> device.seen(clock.instant()));
    }

    private Device find(long id) {
        return findById(id).orElseThrow(() -> new InvalidInputException("id", "error.phone.unknown", id));
    }

    private String validName(String name, Long renamedId) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > Device.MAX_NAME) {
            throw new InvalidInputException("name", "error.phone.name", Device.MAX_NAME);
        }
        long taken = em.createNamedQuery(Device.NAME_TAKEN, Long.class)
                .setParameter("name", stripped.toLowerCase(Locale.ROOT))
                .setParameter("id", renamedId == null ? -1L : renamedId)
                .getSingleResult();
        if (taken > 0) {
            throw new InvalidInputException("name", "error.phone.nameTaken", stripped);
        }
        return stripped;
    }
}
