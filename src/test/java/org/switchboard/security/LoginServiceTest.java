package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditEvent;
import org.switchboard.audit.AuditEvent.Outcome;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class LoginServiceTest {

    private static final String PASSWORD = Fixtures.PASSWORD;

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(LoginServiceTest.class, Fixtures.class);
    }

    @Inject
    private LoginService logins;

    @Inject
    private UserService users;

    @Inject
    private AuditTrail audit;

    private String username;

    @BeforeEach
    void createUser() {
        username = Fixtures.uniqueName("login");
        users.createWithPassword(AuditEvent.SYSTEM, username, "Login Test", Role.STAFF, PASSWORD, false);
    }

    @Test
    void rightPasswordSignsInAndIsAudited() {
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(username, PASSWORD));

        assertTrue(users.find(username).orElseThrow().getLastLoginAt() != null);
        assertEquals(List.of("LOGIN"), actions(username));
    }

    @Test
    void usernameIsCaseAndSpaceInsensitive() {
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate("  " + username.toUpperCase() + " ", PASSWORD));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        assertEquals(LoginService.Result.INVALID, logins.authenticate(username, "not-the-password"));

        assertEquals(1, users.find(username).orElseThrow().getFailedLogins());
        List<AuditEntry> entries = audit.find(AuditFilter.byActor(username).withAction("LOGIN_FAILED"), 0, 10);
        assertEquals(1, entries.size());
        assertEquals(Outcome.FAILURE, entries.get(0).getOutcome());
        assertEquals("wrong password", entries.get(0).getDetail());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        for (int attempt = 1; attempt < 5; attempt++) {
            assertEquals(LoginService.Result.INVALID, logins.authenticate(username, "wrong-" + attempt));
        }
        assertEquals(LoginService.Result.LOCKED, logins.authenticate(username, "wrong-5"));

        assertEquals(LoginService.Result.LOCKED, logins.authenticate(username, PASSWORD));
        User user = users.find(username).orElseThrow();
        assertTrue(user.getLockedUntil() != null);
        assertEquals(
                1, audit.count(AuditFilter.NONE.withAction("ACCOUNT_LOCKED").withTarget(username)));
    }

    @Test
    void anAdminUnlocksALockedAccount() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            logins.authenticate(username, "wrong-" + attempt);
        }
        users.unlock("an-admin", username);

        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(username, PASSWORD));
        assertEquals(
                1,
                audit.count(AuditFilter.byActor("an-admin")
                        .withAction("USER_UNLOCKED")
                        .withTarget(username)));
    }

    @Test
    void successResetsTheFailureCount() {
        logins.authenticate(username, "wrong-1");
        logins.authenticate(username, "wrong-2");
        logins.authenticate(username, PASSWORD);

        assertEquals(0, users.find(username).orElseThrow().getFailedLogins());
    }

    @Test
    void disabledUserCannotSignIn() {
        users.setEnabled("an-admin", username, false);

        assertEquals(LoginService.Result.DISABLED, logins.authenticate(username, PASSWORD));
    }

    @Test
    void unknownUserIsRefusedAndTheAttemptAudited() {
        String stranger = Fixtures.uniqueName("nobody");

        assertEquals(LoginService.Result.INVALID, logins.authenticate(stranger, PASSWORD));
        assertFalse(audit.find(
                        AuditFilter.byActor(stranger).withAction("LOGIN_FAILED").withOutcome(Outcome.FAILURE), 0, 1)
                .isEmpty());
    }

    private List<String> actions(String actor) {
        return audit.find(AuditFilter.byActor(actor), 0, 100).stream()
                .map(AuditEntry::getAction)
                .toList();
    }
}
