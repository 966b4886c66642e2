package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditTrail;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;

@ContainerTest
class UserServiceTest {

    private static final String ADMIN = "test-admin";
    private static final String ADDRESS = "192.0.2.10";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(UserServiceTest.class, Fixtures.class);
    }

    @Inject
    private UserService users;

    @Inject
    private LoginService logins;

    @Inject
    private AuditTrail audit;

    @Test
    void theFirstStartCreatesAnAdminWithTheConfiguredPasswordWhoMustChangeIt() {
        User admin = users.find(AdminBootstrap.ADMIN).orElseThrow();

        assertEquals(
                LoginService.Result.SUCCESS, logins.authenticate(AdminBootstrap.ADMIN, "first-start-secret", ADDRESS));
        assertEquals(Role.ADMIN, admin.getRole());
        assertTrue(admin.isMustChangePassword());
        assertTrue(admin.isCanSeeNumbers());
    }

    @Test
    void aNewUserGetsAGeneratedPasswordThatMustBeChanged() {
        String name = Fixtures.uniqueName("new");

        UserService.IssuedPassword issued = users.create(ADMIN, name, "New Person", Role.STAFF, false);

        assertTrue(issued.user().isMustChangePassword());
        assertTrue(issued.password().length() >= Passwords.MIN_LENGTH);
        assertFalse(issued.user().isCanSeeNumbers(), "staff do not see numbers unless granted");
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(name, issued.password(), ADDRESS));
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ADMIN).withAction("USER_CREATED").withTarget(name)));
    }

    @Test
    void passwordsAreStoredAsPbkdf2HashesOnly() {
        String name = Fixtures.uniqueName("hash");

        UserService.IssuedPassword issued = users.create(ADMIN, name, null, Role.VIEWER, false);

        String stored = users.find(name).orElseThrow().getPasswordHash();
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:210000:"), stored);
        assertFalse(stored.contains(issued.password()));
        assertEquals(name, issued.user().getDisplayName(), "the username stands in for a missing name");
    }

    @Test
    void adminsSeeNumbersAndOthersOnlyWhenGranted() {
        assertTrue(users.create(ADMIN, Fixtures.uniqueName("adm"), null, Role.ADMIN, false)
                .user()
                .isCanSeeNumbers());
        assertTrue(users.create(ADMIN, Fixtures.uniqueName("granted"), null, Role.STAFF, true)
                .user()
                .isCanSeeNumbers());
        assertFalse(users.create(ADMIN, Fixtures.uniqueName("viewer"), null, Role.VIEWER, false)
                .user()
                .isCanSeeNumbers());
    }

    @Test
    void duplicateAndMalformedUsernamesAreRefused() {
        String name = Fixtures.uniqueName("dup");
        users.create(ADMIN, name, null, Role.STAFF, false);

        InvalidInputException duplicate =
                assertThrows(InvalidInputException.class, () -> users.create(ADMIN, name, null, Role.STAFF, false));
        assertEquals("error.user.exists", duplicate.messageKey());
        for (String bad : new String[] {"", "ab", "has space", "-leading", "x".repeat(65), "émile"}) {
            InvalidInputException malformed =
                    assertThrows(InvalidInputException.class, () -> users.create(ADMIN, bad, null, Role.STAFF, false));
            assertEquals("username", malformed.field(), bad);
        }
    }

    @Test
    void resetPasswordReplacesTheOldOneAndForcesAChange() {
        String name = Fixtures.uniqueName("reset");
        String first = users.create(ADMIN, name, null, Role.STAFF, false).password();
        users.changeOwnPassword(name, first, Fixtures.PASSWORD);

        UserService.IssuedPassword reset = users.resetPassword(ADMIN, name);

        assertEquals(LoginService.Result.INVALID, logins.authenticate(name, Fixtures.PASSWORD, ADDRESS));
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(name, reset.password(), ADDRESS));
        assertTrue(users.find(name).orElseThrow().isMustChangePassword());
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ADMIN).withAction("PASSWORD_RESET").withTarget(name)));
    }

    @Test
    void changingOwnPasswordChecksTheCurrentOneAndTheRules() {
        String name = Fixtures.uniqueName("own");
        String temporary = users.create(ADMIN, name, null, Role.STAFF, false).password();

        assertEquals(
                "error.password.currentWrong",
                assertThrows(
                                InvalidInputException.class,
                                () -> users.changeOwnPassword(name, "wrong-current", Fixtures.PASSWORD))
                        .messageKey());
        assertEquals(
                "error.password.tooShort",
                assertThrows(InvalidInputException.class, () -> users.changeOwnPassword(name, temporary, "short"))
                        .messageKey());
        assertEquals(
                "error.password.containsUsername",
                assertThrows(
                                InvalidInputException.class,
                                () -> users.changeOwnPassword(name, temporary, "my-" + name + "-password"))
                        .messageKey());

        users.changeOwnPassword(name, temporary, Fixtures.PASSWORD);

        assertFalse(users.find(name).orElseThrow().isMustChangePassword());
        assertEquals(LoginService.Result.SUCCESS, logins.authenticate(name, Fixtures.PASSWORD, ADDRESS));
    }

    @Test
    void anAdminCanNeitherDisableNorDemoteThemself() {
        String admin = Fixtures.uniqueName("self");
        users.create(ADMIN, admin, null, Role.ADMIN, true);

        assertThrows(InvalidInputException.class, () -> users.setEnabled(admin, admin, false));
        assertThrows(InvalidInputException.class, () -> users.update(admin, admin, "Me", Role.STAFF, true));
        assertTrue(users.find(admin).orElseThrow().isEnabled());
    }

    @Test
    void updateChangesRoleNameAndNumberPermission() {
        String name = Fixtures.uniqueName("upd");
        users.create(ADMIN, name, "Before", Role.VIEWER, false);

        users.update(ADMIN, name, "After", Role.STAFF, true);

        User user = users.find(name).orElseThrow();
        assertEquals("After", user.getDisplayName());
        assertEquals(Role.STAFF, user.getRole());
        assertTrue(user.isCanSeeNumbers());
        assertEquals(
                1,
                audit.count(
                        AuditFilter.byActor(ADMIN).withAction("USER_UPDATED").withTarget(name)));
    }

    @Test
    void theLanguageChoiceIsRemembered() {
        String name = Fixtures.uniqueName("lang");
        users.create(ADMIN, name, null, Role.STAFF, false);

        users.changeLanguage(name, "ar");

        assertEquals("ar", users.find(name).orElseThrow().getLanguage());
        assertNotEquals(0, audit.count(AuditFilter.byActor(name).withAction("LANGUAGE_CHANGED")));
    }
}
