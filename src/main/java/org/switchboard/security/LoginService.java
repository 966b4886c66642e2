package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.switchboard.audit.AuditEvent;

/**
 * Checks a username and password. A try that {@link LoginThrottle} lets in costs one password hash whether the user
 * exists or not, and a try it holds back costs none whatever the name, so that neither the answer nor its time tells
 * which names are real.
 */
@ApplicationScoped
@Transactional
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class.getName());

    @Inject
    private UserService users;

    @Inject
    private Passwords passwords;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private Event<AuditEvent> audit;

    public enum Result {
        SUCCESS,
        INVALID,
        /** Too many tries at this username or from this address: not checked, try again later. */
        HELD_BACK,
        DISABLED
    }

    /**
     * @param address the client's address, for the limit on tries from one place
     */
    public Result authenticate(String username, String password, String address) {
        String name = normalise(username);
        LoginThrottle.Admission admission = throttle.admit(name, address);
        if (!admission.admitted()) {
            // Not audited: a flood of refused tries must cost next to nothing.
            return Result.HELD_BACK;
        }
        Result result = check(name, password == null ? "" : password);
        if (result == Result.SUCCESS) {
            throttle.succeeded(name, address);
        } else {
            auditHolds(admission, name, address);
        }
        return result;
    }

    private Result check(String name, String password) {
        Optional<User> found = users.find(name);
        if (found.isEmpty()) {
            passwords.matchNothing(password);
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "unknown user"));
            return Result.INVALID;
        }
        User user = found.get();
        if (!passwords.matches(password, user.getPasswordHash())) {
            users.countFailedLogin(name);
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "wrong password"));
            return Result.INVALID;
        }
        if (!user.isEnabled()) {
            audit.fire(AuditEvent.failure(name, SecurityAction.LOGIN_FAILED.name(), name, "account disabled"));
            return Result.DISABLED;
        }
        users.recordLogin(name);
        audit.fire(AuditEvent.success(name, SecurityAction.LOGIN.name(), name));
        return Result.SUCCESS;
    }

    private void auditHolds(LoginThrottle.Admission admission, String name, String address) {
        if (admission.holdsUsernameUntil() != null) {
            LOG.warning(() -> "Sign-in tries at " + name + " held back until " + admission.holdsUsernameUntil());
            audit.fire(new AuditEvent(
                    AuditEvent.SYSTEM,
                    SecurityAction.USERNAME_HELD_BACK.name(),
                    name,
                    AuditEvent.Outcome.SUCCESS,
                    "until " + admission.holdsUsernameUntil()));
        }
        if (admission.holdsAddressUntil() != null) {
            LOG.warning(() -> "Sign-in tries from " + address + " held back until " + admission.holdsAddressUntil());
            audit.fire(new AuditEvent(
                    AuditEvent.SYSTEM,
                    SecurityAction.ADDRESS_HELD_BACK.name(),
                    address,
                    AuditEvent.Outcome.SUCCESS,
                    "until " + admission.holdsAddressUntil()));
        }
    }

    /** Until when tries at this username or from this address must wait, if they must. */
    public Optional<Instant> heldBackUntil(String username, String address) {
        return throttle.heldUntil(normalise(username), address);
    }

    public LoginThrottle.Limit usernameLimit() {
        return throttle.perUsername();
    }

    public void recordLogout(String username) {
        audit.fire(AuditEvent.success(username, SecurityAction.LOGOUT.name(), username));
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
