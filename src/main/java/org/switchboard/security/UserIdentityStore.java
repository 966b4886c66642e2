package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Signs users in against the {@code app_user} table, with the limits on tries of {@link LoginService}. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    private LoginService logins;

    @Inject
    private UserService users;

    @Inject
    private HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (logins.authenticate(username, credential.getPasswordAsString(), request.getRemoteAddr())
                != LoginService.Result.SUCCESS) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        User user = users.find(username).orElseThrow();
        return new CredentialValidationResult(
                user.getUsername(), Set.of(user.getRole().name()));
    }
}
