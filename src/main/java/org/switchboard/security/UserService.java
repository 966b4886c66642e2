package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.audit.AuditEvent;
import org.switchboard.i18n.BidiControls;
import org.switchboard.i18n.LanguageChosen;
import org.switchboard.platform.InvalidInputException;

/** Users: created and managed by admins, each changing their own password and language. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final int MAX_DISPLAY_NAME = 128;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Passwords passwords;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private LoginThrottle throttle;

    /** A user just created or given a new password, with that password in clear: shown once, never stored. */
    public record IssuedPassword(User user, String password) {}

    public Optional<User> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    public List<User> list() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    /** Creates a user with a generated password that must be changed at first login. */
    public IssuedPassword create(String actor, String username, String displayName, Role role, boolean canSeeNumbers) {
        String password = passwords.generate();
        User user = createWithPassword(actor, username, displayName, role, password, true);
        user.setCanSeeNumbers(canSeeNumbers || role.seesNumbersByDefault());
        return new IssuedPassword(user, password);
    }

    /** Creates a user with the password given; {@code temporary} makes them change it at first login. */
    public User createWithPassword(
            String actor, String username, String displayName, Role role, String password, boolean temporary) {
        String name = requireValidUsername(username);
        if (find(name).isPresent()) {
            throw new InvalidInputException("username", "error.user.exists", name);
        }
        Passwords.requireAcceptable(password, name);
        User user = new User(
                name,
                requireValidDisplayName(displayName, name),
                role,
                passwords.hash(password),
                temporary,
                clock.instant());
        em.persist(user);
        audit.fire(new AuditEvent(
                actor, SecurityAction.USER_CREATED.name(), name, AuditEvent.Outcome.SUCCESS, "role " + role));
        return user;
    }

    public User update(String actor, String username, String displayName, Role role, boolean canSeeNumbers) {
        User user = require(username);
        if (user.getUsername().equals(actor) && role != user.getRole()) {
            throw new InvalidInputException("role", "error.user.ownRole");
        }
        user.setDisplayName(requireValidDisplayName(displayName, user.getUsername()));
        user.setRole(role);
        user.setCanSeeNumbers(canSeeNumbers || role.seesNumbersByDefault());
        audit.fire(new AuditEvent(
                actor,
                SecurityAction.USER_UPDATED.name(),
                user.getUsername(),
                AuditEvent.Outcome.SUCCESS,
                "role " + role + ", sees numbers " + user.isCanSeeNumbers()));
        return user;
    }

    public User setEnabled(String actor, String username, boolean enabled) {
        User user = require(username);
        if (user.getUsername().equals(actor) && !enabled) {
            throw new InvalidInputException("enabled", "error.user.disableSelf");
        }
        user.setEnabled(enabled);
        SecurityAction action = enabled ? SecurityAction.USER_ENABLED : SecurityAction.USER_DISABLED;
        audit.fire(AuditEvent.success(actor, action.name(), user.getUsername()));
        return user;
    }

    /** Lets tries at the user's name go on at once, however many wrong passwords came before. */
    public User unlock(String actor, String username) {
        User user = require(username);
        user.forgetFailedLogins();
        throttle.release(user.getUsername());
        audit.fire(AuditEvent.success(actor, SecurityAction.USER_UNLOCKED.name(), user.getUsername()));
        return user;
    }

    void countFailedLogin(String username) {
        em.createNamedQuery(User.COUNT_FAILED_LOGIN).setParameter(1, username).executeUpdate();
    }

    void recordLogin(String username) {
        em.createNamedQuery(User.RECORD_LOGIN)
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, username)
                .executeUpdate();
    }

    /** Gives the user a generated password that must be changed at next login. */
    public IssuedPassword resetPassword(String actor, String username) {
        User user = require(username);
        String password = passwords.generate();
        user.changePassword(passwords.hash(password), true);
        audit.fire(AuditEvent.success(actor, SecurityAction.PASSWORD_RESET.name(), user.getUsername()));
        return new IssuedPassword(user, password);
    }

    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = require(username);
        if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
            audit.fire(AuditEvent.failure(
                    username, SecurityAction.PASSWORD_CHANGED.name(), username, "wrong current password"));
            throw new InvalidInputException("currentPassword", "error.password.currentWrong");
        }
        Passwords.requireAcceptable(newPassword, user.getUsername());
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "error.password.unchanged");
        }
        user.changePassword(passwords.hash(newPassword), false);
        audit.fire(AuditEvent.success(username, SecurityAction.PASSWORD_CHANGED.name(), username));
    }

    void languageChosen(@Observes LanguageChosen chosen) {
        changeLanguage(chosen.username(), chosen.tag());
    }

    public void changeLanguage(String username, String language) {
        User user = require(username);
        if (!language.equals(user.getLanguage())) {
            user.setLanguage(language);
            audit.fire(AuditEvent.success(username, SecurityAction.LANGUAGE_CHANGED.name(), language));
        }
    }

    private User require(String username) {
        return find(username).orElseThrow(() -> new InvalidInputException("username", "error.user.unknown", username));
    }

    private static String requireValidUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("username", "error.user.invalidName");
        }
        return name;
    }

    private static String requireValidDisplayName(String displayName, String fallback) {
        String name = displayName == null || BidiControls.strip(displayName).isBlank()
                ? fallback
                : BidiControls.strip(displayName).strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName", "error.user.displayNameTooLong", MAX_DISPLAY_NAME);
        }
        return name;
    }
}
