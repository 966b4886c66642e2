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
@WebFilter(filterName = "PasswordChangeFilter", urlPatterns = "/*")
public class PasswordChangeFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/account/password.xhtml";
    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && isOtherPage(request) && currentUser.isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    // "/" counts: the welcome page is reached by a forward, which this filter does not see.
    private static boolean isOtherPage(HttpServletRequest request) {
        String path = request.getServletPath();
        boolean page = path.isEmpty() || path.equals("/") || path.endsWith(".xhtml");
        return page && !path.equals(PASSWORD_PAGE) && !path.startsWith("/jakarta.faces.resource/");
    }
}
