package org.switchboard.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.switchboard.i18n.LanguageView;
import org.switchboard.i18n.Messages;

@Named
@RequestScoped
public class LoginView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private LoginService logins;

    @Inject
    private UserService users;

    @Inject
    private LanguageView language;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Clock clock;

    private String username;
    private String password;

    public String login() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        password = null;
        return switch (status) {
            case SEND_CONTINUE -> {
                onSignedIn();
                FacesContext.getCurrentInstance().responseComplete();
                yield null;
            }
            case SUCCESS -> {
                onSignedIn();
                Optional<String> returnPath = SecurityConfiguration.takeReturnPath(request);
                if (returnPath.isEmpty()) {
                    yield "/index.xhtml?faces-redirect=true";
                }
                external.redirect(request.getContextPath() + returnPath.get());
                yield null;
            }
            default -> {
                explainFailure(request.getRemoteAddr());
                yield null;
            }
        };
    }

    private void onSignedIn() {
        users.find(username).ifPresent(user -> {
            currentUser.signedInAs(user);
            language.adoptUserPreference(user.getUsername(), user.getLanguage());
        });
    }

    // Asks only the throttle, which counts every name alike: whether the name is a user's must not show.
    private void explainFailure(String address) {
        Optional<Instant> heldUntil = logins.heldBackUntil(username, address);
        if (heldUntil.isPresent()) {
            Messages.error("login.heldBack", minutesUntil(heldUntil.get()));
        } else {
            Messages.error("login.failed");
        }
    }

    private long minutesUntil(Instant moment) {
        long seconds = Duration.between(clock.instant(), moment).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    public LoginThrottle.Limit getUsernameLimit() {
        return logins.usernameLimit();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
