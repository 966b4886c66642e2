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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.switchboard.i18n.Language;
import org.switchboard.i18n.Messages;

/**
 * Every REST call must carry {@code Authorization: Bearer <API key>}; anything else is answered 401, before matching,
 * so that a client without a key learns nothing of which endpoints exist. A key past its rate limit
 * ({@link ApiRateLimit}) is answered 429 with {@code Retry-After}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String API_ROLE = "API";
    private static final String BEARER = "Bearer ";

    @Inject
    private ApiKeyService apiKeys;

    @Inject
    private ApiRateLimit rateLimit;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip()
                : null;
        Optional<ApiKey> key = apiKeys.verify(presented);
        if (key.isEmpty()) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of(
                            "message",
                            presented == null
                                    ? "An API key is required: send the header 'Authorization: Bearer <key>'."
                                    : "The API key is unknown, revoked, or its creator is disabled."))
                    .build());
            return;
        }
        Optional<Duration> wait = rateLimit.take(key.get());
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            request.abortWith(Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of(
                            "message", Messages.text(Language.DEFAULT.locale(), "error.api.tooManyRequests", seconds)))
                    .build());
            return;
        }
        request.setSecurityContext(new ApiKeySecurityContext(
                key.get().getName(), request.getSecurityContext().isSecure()));
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
