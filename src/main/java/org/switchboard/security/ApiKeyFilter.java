package org.switchboard.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Map;

/**
 * Every REST call must carry {@code Authorization: Bearer <API key>}; anything else is answered 401, before matching,
 * so that a client without a key learns nothing of which endpoints exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String API_ROLE = "API";
    private static final String BEARER = "Bearer ";

    @Inject
    private ApiKeyService apiKeys;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
        apiKeys.verify(presented)
                .ifPresentOrElse(
                        key -> request.setSecurityContext(new ApiKeySecurityContext(
                                key.getName(), request.getSecurityContext().isSecure())),
                        () -> request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                                .type(MediaType.APPLICATION_JSON_TYPE)
                                .entity(Map.of(
                                        "message",
                                        presented == null
                                                ? "An API key is required: send the header 'Authorization: Bearer <key>'."
                                                : "The API key is unknown, revoked, or its creator is disabled."))
                                .build()));
    }

    private record ApiKeySecurityContext(String keyName, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return () -> keyName;
        }

        @Override
        public boolean isUserInRole(String role) {
            return API_ROLE.equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
