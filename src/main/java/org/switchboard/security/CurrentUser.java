package org.switchboard.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

/** The signed-in user of this session, as the pages and filters need them. */
@Named
@SessionScoped
public class CurrentUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private UserService users;

    @Inject
    private LoginService logins;

    private String username;
    private String displayName;
    private Role role;
    private boolean canSeeNumbers;
    private boolean mustChangePassword;
    private int credentialVersion;

    /** What {@link #reload()} found: whether this session may go on. */
    enum Standing {
        SIGNED_IN,
        /** The user no longer exists or has been disabled. */
        DISABLED,
        /** The password was changed since this session signed in (in another session, or by an admin's reset). */
        PASSWORD_CHANGED
    }

    /**
     * The user behind this session, loaded at sign-in (or first use) and again at each page by {@link AccountGateFilter}.
     */
    public Optional<CurrentUser> signedIn() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            return Optional.empty();
        }
        if (!caller.getName().equals(username)) {
            refresh(caller.getName());
        }
        return Optional.of(this);
    }

    /** Called at sign-in: this session holds the password the user has now. */
    void signedInAs(User user) {
        take(user);
        credentialVersion = user.getCredentialVersion();
    }

    /** Called when this session changed the password: it goes on, the user's other sessions end. */
    void passwordChanged() {
        users.find(username).ifPresent(this::signedInAs);
    }

    /** Reads the user afresh, so that changes an admin made since sign-in apply at once. */
    Standing reload() {
        Principal caller = securityContext.getCallerPrincipal();
        if (caller == null) {
            return Standing.DISABLED;
        }
        Optional<User> user = users.find(caller.getName()).filter(User::isEnabled);
        if (user.isEmpty()) {
            return Standing.DISABLED;
        }
        if (!user.get().getUsername().equals(username)) {
            signedInAs(user.get());
        } else if (user.get().getCredentialVersion() != credentialVersion) {
            return Standing.PASSWORD_CHANGED;
        }
        take(user.get());
        return Standing.SIGNED_IN;
    }

    private void refresh(String name) {
        users.find(name).ifPresent(this::signedInAs);
    }

    private void take(User user) {
        username = user.getUsername();
        displayName = user.getDisplayName();
        role = user.getRole();
        canSeeNumbers = user.isCanSeeNumbers();
        mustChangePassword = user.isMustChangePassword();
    }

    public String getUsername() {
        signedIn();
        return username;
    }

    public String getDisplayName() {
        signedIn();
        return displayName;
    }

    public Role getRole() {
        signedIn();
        return role;
    }

    /** From the role in the database, like every role check of the pages ({@link AccountGateFilter}). */
    public boolean isAdmin() {
        return getRole() == Role.ADMIN;
    }

    /** Whether raw phone numbers may be shown to this user; other users see them masked. */
    public boolean isCanSeeNumbers() {
        signedIn();
        return canSeeNumbers;
    }

    public boolean isMustChangePassword() {
        return signedIn().map(u -> u.mustChangePassword).orElse(false);
    }

    public String logout() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        signedIn().ifPresent(user -> logins.recordLogout(user.username));
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true&signedOut=true";
    }
}
