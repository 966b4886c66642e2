package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.audit.AuditEvent;
import org.switchboard.i18n.Language;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;

/**
 * On the very first start, when there is no user at all, creates the {@code admin} account so that someone can sign
 * in. Its password comes from {@code SWITCHBOARD_ADMIN_PASSWORD}, or is generated and printed once in the log; either
 * way it must be changed at first login.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    private UserService users;

    @Inject
    private Passwords passwords;

    @Inject
    @ConfigProperty(name = "switchboard.admin.password")
    private Optional<String> configuredPassword;

    void createFirstAdmin(@Observes Startup startup) {
        if (users.count() > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(passwords::generate);
        if (!create(ADMIN, password)) {
            LOG.info("Another node created the first user 'admin' at the same time.");
        } else if (configuredPassword.isPresent()) {
            LOG.warning("Created the first user 'admin' with the password from SWITCHBOARD_ADMIN_PASSWORD."
                    + " It must be changed at first login.");
        } else {
            LOG.warning("Created the first user 'admin'. Its password, shown only this once, is: " + password
                    + "  (it must be changed at first login)");
        }
    }

    /**
     * Creates the first administrator. Two nodes starting together on an empty database both try: the username is
     * unique, so one insert wins and the other finds the winner's row.
     *
     * @return whether this call created it; false when another did at the same time
     */
    boolean create(String username, String password) {
        try {
            users.createWithPassword(AuditEvent.SYSTEM, username, "Administrator", Role.ADMIN, password, true);
            return true;
        } catch (RuntimeException e) {
            if (users.find(username).isPresent()) {
                return false;
            }
            if (e instanceof InvalidInputException invalid) {
                throw new IllegalStateException("SWITCHBOARD_ADMIN_PASSWORD is not acceptable: "
                        + Messages.text(Language.DEFAULT.locale(), invalid.messageKey(), invalid.arguments()));
            }
            throw e;
        }
    }
}
