package org.switchboard.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Keeps a user with a temporary password on the password page until they choose their own. */
@WebFilter(filterName = "PasswordChangeFilter", urlPatterns = "*.xhtml")
public class PasswordChangeFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/account/password.xhtml";
    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null
                && !PASSWORD_PAGE.equals(request.getServletPath())
                && currentUser.isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
