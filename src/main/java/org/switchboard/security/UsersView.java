package org.switchboard.security;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;

/** The admin page of users: create, edit, disable, unlock and reset passwords. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LoginThrottle throttle;

    private List<User> list;
    private UserForm form = new UserForm();
    private IssuedPasswordView issued;

    /** What the create / edit dialog holds. */
    public static class UserForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private boolean existing;
        private String username;
        private String displayName;
        private Role role = Role.STAFF;
        private boolean canSeeNumbers;

        public boolean isExisting() {
            return existing;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public boolean isCanSeeNumbers() {
            return canSeeNumbers;
        }

        public void setCanSeeNumbers(boolean canSeeNumbers) {
            this.canSeeNumbers = canSeeNumbers;
        }
    }

    /** A password to read to its user once. */
    public record IssuedPasswordView(String username, String password) implements Serializable {}

    public List<User> getList() {
        if (list == null) {
            list = users.list();
        }
        return list;
    }

    /** Whether tries at the user's name are held back now (an admin's unlock lets them in at once). */
    public boolean isLocked(User user) {
        return throttle.isHeld(user.getUsername());
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public void startCreate() {
        form = new UserForm();
    }

    public void startEdit(User user) {
        form = new UserForm();
        form.existing = true;
        form.username = user.getUsername();
        form.displayName = user.getDisplayName();
        form.role = user.getRole();
        form.canSeeNumbers = user.isCanSeeNumbers();
    }

    public void save() {
        try {
            if (form.existing) {
                users.update(actor(), form.username, form.displayName, form.role, form.canSeeNumbers);
                Messages.info("users.saved", form.username);
            } else {
                UserService.IssuedPassword created =
                        users.create(actor(), form.username, form.displayName, form.role, form.canSeeNumbers);
                showPassword(created);
            }
            PrimeFaces.current().executeScript("PF('userDialog').hide()");
            list = null;
        } catch (InvalidInputException e) {
            Messages.error(e);
            PrimeFaces.current().ajax().addCallbackParam("validationFailed", true);
        }
    }

    public void toggleEnabled(User user) {
        try {
            users.setEnabled(actor(), user.getUsername(), !user.isEnabled());
            Messages.info(user.isEnabled() ? "users.disabled" : "users.enabled", user.getUsername());
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
        list = null;
    }

    public void unlock(User user) {
        users.unlock(actor(), user.getUsername());
        Messages.info("users.unlocked", user.getUsername());
        list = null;
    }

    public void resetPassword(User user) {
        showPassword(users.resetPassword(actor(), user.getUsername()));
        list = null;
    }

    private void showPassword(UserService.IssuedPassword issuedPassword) {
        issued = new IssuedPasswordView(issuedPassword.user().getUsername(), issuedPassword.password());
        PrimeFaces.current().executeScript("PF('passwordDialog').show()");
    }

    private String actor() {
        return currentUser.getUsername();
    }

    public UserForm getForm() {
        return form;
    }

    public IssuedPasswordView getIssued() {
        return issued;
    }
}
