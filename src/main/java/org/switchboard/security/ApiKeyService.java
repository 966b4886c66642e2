package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.audit.AuditEvent;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;

/** Issues, checks and revokes the API keys of the REST API. */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    static final String KEY_PREFIX = "sb_";
    private static final int SHOWN_PREFIX_LENGTH = 8;
    private static final int MAX_NAME = 100;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    /** A key just created, with its secret in clear: shown once, never stored. */
    public record IssuedKey(ApiKey key, String secret) {}

    public IssuedKey create(String actor, String name) {
        String keyName = name == null ? "" : name.strip();
        if (keyName.isEmpty() || keyName.length() > MAX_NAME) {
            throw new InvalidInputException("name", "error.apiKey.name", MAX_NAME);
        }
        String secret = Secrets.generate(KEY_PREFIX);
        ApiKey key = new ApiKey(
                keyName,
                secret.substring(0, KEY_PREFIX.length() + SHOWN_PREFIX_LENGTH),
                Secrets.sha256(secret),
                actor,
                clock.instant());
        em.persist(key);
        audit.fire(AuditEvent.success(actor, SecurityAction.API_KEY_CREATED.name(), keyName));
        return new IssuedKey(key, secret);
    }

    public void revoke(String actor, long id) {
        ApiKey key = Optional.ofNullable(em.find(ApiKey.class, id))
                .orElseThrow(() -> new InvalidInputException("id", "error.apiKey.unknown", id));
        key.revoke(clock.instant());
        audit.fire(AuditEvent.success(actor, SecurityAction.API_KEY_REVOKED.name(), key.getName()));
    }

    /**
     * The live key matching what a client presented, if any: not revoked, and made by a user who still exists and is
     * enabled (checked at every request, so that disabling an admin stops their keys at once).
     */
    public Optional<ApiKey> verify(String presented) {
        if (presented == null || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        Optional<ApiKey> key = em.createNamedQuery(ApiKey.LIVE_BY_HASH, ApiKey.class)
                .setParameter("hash", Secrets.sha256(presented))
                .getResultStream()
                .findFirst();
        key.ifPresent(k -> k.markUsed(clock.instant()));
        return key;
    }

    public List<ApiKey> list() {
        return em.createNamedQuery(ApiKey.ALL, ApiKey.class).getResultList();
    }
}
