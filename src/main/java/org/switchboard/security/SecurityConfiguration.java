package org.switchboard.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Form login through {@code login.xhtml}, which hands the credential to {@code SecurityContext.authenticate}; the
 * session keeps the user signed in. Which pages need a signed-in user is in {@code web.xml}; the REST API uses API
 * keys instead ({@link ApiKeyFilter}).
 *
 * <p>Not the built-in custom form mechanism: its redirect to the login page runs before any filter and is built from
 * the request's {@code Host} header, so a client naming another host got a {@code Location} there, and Payara's
 * {@code X-Frame-Options: SAMEORIGIN} instead of the pages' {@code DENY}.
 */
@AutoApplySession
@DeclareRoles({"ADMIN", "STAFF", "VIEWER"})
@ApplicationScoped
public class SecurityConfiguration implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String RETURN_TO = SecurityConfiguration.class.getName() + ".returnTo";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String page = request.getRequestURI().substring(request.getContextPath().length());
        // "//host/…" would send the browser to another host after sign-in.
        if (isPageVisit(request) && !page.startsWith("//")) {
            String query = request.getQueryString();
            request.getSession().setAttribute(RETURN_TO, page + (query == null ? "" : "?" + query));
        }
        SecurityHeadersFilter.apply(response, request.isSecure());
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    // Only a page opened in the browser is worth returning to: not an ajax call, a push socket or a script.
    private static boolean isPageVisit(HttpServletRequest request) {
        String path = request.getServletPath();
        return "GET".equals(request.getMethod())
                && request.getHeader("Faces-Request") == null
                && (path.isEmpty() || path.endsWith("/") || path.endsWith(".xhtml"));
    }

    /** The page a user was sent to sign in from, once: where the sign-in continues. */
    static Optional<String> takeReturnPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Object path = session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        return Optional.ofNullable((String) path);
    }
}
