package org.switchboard.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.switchboard.platform.PublicAddress;

/**
 * Refuses (403) a request that changes something when the browser says it comes from another site: its {@code Origin}
 * is not the server's own. This covers the pages' forms and the REST API; clients that send no {@code Origin} (the
 * school's platform, scripts) are not browsers acting for someone else, and pass.
 */
public class OriginCheckFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    private PublicAddress publicAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !SAFE_METHODS.contains(request.getMethod()) && !isOwn(origin, request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isOwn(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.strip());
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && PublicAddress.origin(uri).equals(publicAddress.origin(request));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
