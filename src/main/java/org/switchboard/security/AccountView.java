package org.switchboard.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;

/** The signed-in user's own account: changing their password. */
@Named
@RequestScoped
public class AccountView {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private UserService users;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public String changePassword() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            Messages.error("error.password.mismatch");
            return null;
        }
        try {
            users.changeOwnPassword(currentUser.getUsername(), currentPassword, newPassword);
            currentUser.passwordChanged();
        } catch (InvalidInputException e) {
            Messages.error(e);
            return null;
        }
        Messages.info("account.password.changed");
        return "/index.xhtml?faces-redirect=true";
    }

    public int getMinimumLength() {
        return Passwords.MIN_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
