package org.switchboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.switchboard.platform.RestApplication;

/**
 * Headers that keep browsers from framing, sniffing or leaking, on every response: pages, redirects, errors. The pages'
 * Content-Security-Policy is written by PrimeFaces (see {@code primefaces.CSP_POLICY} in web.xml) because only it
 * knows each response's script nonce.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response, request.isSecure());
        if (request.getServletPath().startsWith(RestApplication.PATH)) {
            response.setHeader("Content-Security-Policy", API_POLICY);
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** The headers every response carries, also those the sign-in mechanism writes before any filter runs. */
    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
        if (secure) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
