package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditEvent;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.Secrets;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class ApiKeyServiceTest {

    private static final String ADMIN = "key-admin";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(ApiKeyServiceTest.class, Fixtures.class);
    }

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private AuditTrail audit;

    @Inject
    private UserService users;

    @PersistenceContext
    private EntityManager em;

    /** Keys work only while their creator is an enabled user. */
    @BeforeEach
    void adminExists() {
        if (users.find(ADMIN).isEmpty()) {
            users.createWithPassword(AuditEvent.SYSTEM, ADMIN, ADMIN, Role.ADMIN, "correct-horse-battery", false);
        }
    }

    @Test
    void anIssuedKeyIsAcceptedAndItsUseRecorded() {
        ApiKeyService.IssuedKey issued = apiKeys.create(ADMIN, Fixtures.uniqueName("platform"));

        ApiKey verified = apiKeys.verify(issued.secret()).orElseThrow();

        assertEquals(issued.key().getId(), verified.getId());
        assertTrue(issued.secret().startsWith(issued.key().getKeyPrefix()));
        assertTrue(verified.getLastUsedAt() != null);
    }

    @Test
    void onlyTheHashOfTheKeyIsStored() {
        ApiKeyService.IssuedKey issued = apiKeys.create(ADMIN, Fixtures.uniqueName("stored"));

        List<?> columns = em.createNativeQuery("select key_hash, key_prefix, name from api_key where id = ?1")
                .setParameter(1, issued.key().getId())
                .getResultList();

        Object[] row = (Object[]) columns.get(0);
        assertEquals(Secrets.sha256(issued.secret()), row[0]);
        for (Object column : row) {
            assertFalse(issued.secret().equals(column), "the secret itself is never stored");
        }
    }

    @Test
    void unknownMalformedAndEmptyKeysAreRefused() {
        apiKeys.create(ADMIN, Fixtures.uniqueName("real"));

        assertTrue(apiKeys.verify("sb_" + "A".repeat(43)).isEmpty());
        assertTrue(apiKeys.verify("not-even-our-format").isEmpty());
        assertTrue(apiKeys.verify("").isEmpty());
        assertTrue(apiKeys.verify(null).isEmpty());
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        String name = Fixtures.uniqueName("revoked");
        ApiKeyService.IssuedKey issued = apiKeys.create(ADMIN, name);

        apiKeys.revoke(ADMIN, issued.key().getId());

        assertTrue(apiKeys.verify(issued.secret()).isEmpty());
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ADMIN).withAction("API_KEY_CREATED").withTarget(name)));
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ADMIN).withAction("API_KEY_REVOKED").withTarget(name)));
    }

    @Test
    void aKeyNeedsAName() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> apiKeys.create(ADMIN, "  "));
        assertEquals("name", e.field());
    }

    @Test
    void everyKeyIsDifferent() {
        String first = apiKeys.create(ADMIN, "twin").secret();
        String second = apiKeys.create(ADMIN, "twin").secret();

        assertFalse(first.equals(second));
    }
}
