package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.audit.AuditEvent;

/** Checks a username and password, counting failures and locking accounts that collect too many. */
@ApplicationScoped
@Transactional
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class.getName());

    @Inject
    private UserService users;

    @Inject
    private Passwords passwords;

    @Inject
    private Clock clock;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    @ConfigProperty(name = "switchboard.login.max-failures")
    private int maxFailures;

    @Inject
    @ConfigProperty(name = "switchboard.login.lockout-minutes")
    private long lockoutMinutes;

    public enum Result {
        SUCCESS,
        INVALID,
        LOCKED,
        DISABLED
    }

    public LockoutPolicy lockoutPolicy() {
        return new LockoutPolicy(maxFailures, Duration.ofMinutes(lockoutMinutes));
    }

    public Result authenticate(String username, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<User> found = users.find(name);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            passwords.matchNothing(password == null ? "" : password);
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "unknown user"));
            return Result.INVALID;
        }
        User user = found.get();
        if (user.isLockedAt(now)) {
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "account locked"));
            return Result.LOCKED;
        }
        if (password == null || !passwords.matches(password, user.getPasswordHash())) {
            return recordFailure(user, now);
        }
        if (!user.isEnabled()) {
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "account disabled"));
            return Result.DISABLED;
        }
        user.recordSuccessfulLogin(now);
        audit.fire(AuditEvent.success(name, SecurityAction.LOGIN.name(), name));
        return Result.SUCCESS;
    }

    private Result recordFailure(User user, Instant now) {
        String name = user.getUsername();
        audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "wrong password"));
        if (user.recordFailedLogin(now, lockoutPolicy())) {
            LOG.warning(() -> "Account " + name + " locked until " + user.getLockedUntil() + " after "
                    + user.getFailedLogins() + " failed logins");
            audit.fire(new AuditEvent(
                    AuditEvent.SYSTEM,
                    SecurityAction.ACCOUNT_LOCKED.name(),
                    name,
                    AuditEvent.Outcome.SUCCESS,
                    "locked until " + user.getLockedUntil()));
            return Result.LOCKED;
        }
        return Result.INVALID;
    }

    public void recordLogout(String username) {
        audit.fire(AuditEvent.success(username, SecurityAction.LOGOUT.name(), username));
    }
}
