package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Random;
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

    private final Random random = new Random();

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
    private String address;

    @BeforeEach
    void createUser() {
        username = Fixtures.uniqueName("login");
        // An address of each test's own, so that no test adds to another's count of tries from one address.
        address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
        users.createWithPassword(AuditEvent.SYSTEM, username, "Login Test", Role.STAFF, PASSWORD, false);
    }

    @Test
    void rightPasswordSignsInAndIsAudited() {
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(username, PASSWORD, address));

        assertTrue(users.find(username).orElseThrow().getLastLoginAt() != null);
        assertEquals(List.of("LOGIN"), actions(username));
    }

    @Test
    void usernameIsCaseAndSpaceInsensitive() {
        assertEquals(
                LoginService.Result.SUCCESS,
                logins.authenticate("  " + username.toUpperCase() + " ", PASSWORD, address));
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        assertEquals(LoginService.Result.INVALID, logins.authenticate(username, "not-the-password", address));

        assertEquals(1, users.find(username).orElseThrow().getFailedLogins());
        List<AuditEntry> entries = audit.find(AuditFilter.byActor(username).withAction("LOGIN_FAILED"), 0, 10);
        assertEquals(1, entries.size());
        assertEquals(Outcome.FAILURE, entries.get(0).getOutcome());
        assertEquals("wrong password", entries.get(0).getDetail());
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneMustWait() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(LoginService.Result.INVALID, logins.authenticate(username, "wrong-" + attempt, address));
        }

        assertEquals(LoginService.Result.HELD_BACK, logins.authenticate(username, PASSWORD, address));
        assertTrue(logins.heldBackUntil(username, address).isPresent());
        assertEquals(5, users.find(username).orElseThrow().getFailedLogins(), "a try held back is not counted");
        assertEquals(
                1, audit.count(AuditFilter.NONE.withAction("USERNAME_HELD_BACK").withTarget(username)));
    }

    @Test
    void anUnknownNameIsHeldBackExactlyLikeARealOne() {
        String stranger = Fixtures.uniqueName("nobody");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertEquals(LoginService.Result.INVALID, logins.authenticate(stranger, "wrong-" + attempt, address));
        }

        assertEquals(LoginService.Result.HELD_BACK, logins.authenticate(stranger, PASSWORD, address));
    }

    @Test
    void anAdminUnlocksAHeldBackAccount() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            logins.authenticate(username, "wrong-" + attempt, address);
        }
        users.unlock("an-admin", username);

        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(username, PASSWORD, address));
        assertEquals(
                1,
                audit.count(AuditFilter.byActor("an-admin")
                        .withAction("USER_UNLOCKED")
                        .withTarget(username)));
    }

    @Test
    void successResetsTheFailureCount() {
        logins.authenticate(username, "wrong-1", address);
        logins.authenticate(username, "wrong-2", address);
        logins.authenticate(username, PASSWORD, address);

        assertEquals(0, users.find(username).orElseThrow().getFailedLogins());
    }

    @Test
    void disabledUserCannotSignIn() {
        users.setEnabled("an-admin", username, false);

        assertEquals(LoginService.Result.DISABLED, logins.authenticate(username, PASSWORD, address));
    }

    @Test
    void unknownUserIsRefusedAndTheAttemptAudited() {
        String stranger = Fixtures.uniqueName("nobody");

        assertEquals(LoginService.Result.INVALID, logins.authenticate(stranger, PASSWORD, address));
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
