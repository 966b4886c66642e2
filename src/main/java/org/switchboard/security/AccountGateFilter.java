package org.switchboard.security;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Re-reads the signed-in user at each page: a user disabled by an admin is signed out at their next click, so is a
 * session signed in with a password that has since been changed (elsewhere, or reset by an admin), a user with
 * a temporary password is kept on the password page until they choose their own, and a page that the user's role
 * does not open answers 403 (the container only requires a signed-in user: {@code web.xml} says why). The role is
 * the one in the database at this click, so a user an admin demoted loses the pages at once.
 */
public class AccountGateFilter extends HttpFilter {

    static final String PASSWORD_PAGE = "/account/password.xhtml";
    static final String DISABLED_PAGE = "/login.xhtml?disabled=true";
    static final String PASSWORD_CHANGED_PAGE = "/login.xhtml?passwordChanged=true";
    private static final long serialVersionUID = 1L;

    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    private static final Set<Role> SENDERS = Set.of(Role.ADMIN, Role.STAFF);

    /** The pages some roles only may open; every other page is open to every signed-in user. */
    private static final List<Restriction> RESTRICTIONS = List.of(
            new Restriction("/admin/", ADMINS),
            new Restriction("/phone/", ADMINS),
            new Restriction("/webhook/", ADMINS),
            new Restriction("/contact/new.xhtml", SENDERS),
            new Restriction("/contact/import.xhtml", SENDERS),
            new Restriction("/sms/compose.xhtml", SENDERS),
            new Restriction("/sms/templates.xhtml", SENDERS),
            new Restriction("/sms/campaigns.xhtml", SENDERS),
            new Restriction("/call/dial.xhtml", SENDERS),
            // Payara serves its MicroProfile endpoints inside the application at "/": they fall under its rules.
            new Restriction("/metrics", ADMINS),
            new Restriction("/openapi", ADMINS));

    /** A folder (ending with a slash) and everything in it, or one page or endpoint and what lies under it. */
    record Restriction(String path, Set<Role> roles) {

        boolean covers(String pathInApplication) {
            return path.endsWith("/")
                    ? pathInApplication.startsWith(path)
                    : pathInApplication.equals(path) || pathInApplication.startsWith(path + "/");
        }
    }

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && isPage(request)) {
            CurrentUser.Standing standing = currentUser.reload();
            if (standing != CurrentUser.Standing.SIGNED_IN) {
                request.logout();
                request.getSession().invalidate();
                String page = standing == CurrentUser.Standing.DISABLED ? DISABLED_PAGE : PASSWORD_CHANGED_PAGE;
                response.sendRedirect(request.getContextPath() + page);
                return;
            }
            if (currentUser.isMustChangePassword() && !request.getServletPath().equals(PASSWORD_PAGE)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        // Only a restricted path asks for the user: a request to the REST API must not open a session.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() != null && isRestricted(path) && !opens(currentUser.getRole(), path)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isRestricted(String servletPath) {
        return RESTRICTIONS.stream().anyMatch(restriction -> restriction.covers(servletPath));
    }

    static boolean opens(Role role, String servletPath) {
        return RESTRICTIONS.stream()
                .filter(restriction -> restriction.covers(servletPath))
                .allMatch(restriction -> role != null && restriction.roles().contains(role));
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
