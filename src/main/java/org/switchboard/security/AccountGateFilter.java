package org.switchboard.security;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Re-reads the signed-in user at each page: a user disabled by an admin is signed out at their next click, and a
 * user with a temporary password is kept on the password page until they choose their own.
 */
@WebFilter(filterName = "AccountGateFilter", urlPatterns = "/*")
public class AccountGateFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/account/password.xhtml";
    static final String DISABLED_PAGE = "/login.xhtml?disabled=true";
    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && isPage(request)) {
            if (!currentUser.reload()) {
                request.logout();
                request.getSession().invalidate();
                response.sendRedirect(request.getContextPath() + DISABLED_PAGE);
                return;
            }
            if (currentUser.isMustChangePassword() && !request.getServletPath().equals(PASSWORD_PAGE)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    // "/" counts: the welcome page is reached by a forward, which this filter does not see. The pages' scripts and
    // styles are served under *.xhtml too, and must reach the password page itself.
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.isEmpty()
                || path.equals("/")
                || path.endsWith(".xhtml") && !path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/");
    }
}
