package org.switchboard.testing;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.switchboard.audit.AuditEvent;
import org.switchboard.security.ApiKeyService;
import org.switchboard.security.Role;
import org.switchboard.security.UserService;

/**
 * Test-only: sets up users and API keys through the real services for tests that drive the application from outside
 * (HTTP clients, browsers). It exists only in test deployments ({@link Deployments}).
 */
@WebServlet(FixtureServlet.PATH)
public class FixtureServlet extends HttpServlet {

    public static final String PATH = "/test-fixtures";
    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    @Inject
    private ApiKeyService apiKeys;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        switch (request.getParameter("create")) {
            case "user" -> {
                users.createWithPassword(
                        AuditEvent.SYSTEM,
                        request.getParameter("username"),
                        request.getParameter("username"),
                        Role.valueOf(request.getParameter("role")),
                        request.getParameter("password"),
                        Boolean.parseBoolean(request.getParameter("temporary")));
                response.getWriter().write("created");
            }
            case "disabled" -> {
                users.setEnabled(AuditEvent.SYSTEM, request.getParameter("username"), false);
                response.getWriter().write("disabled");
            }
            case "revokedApiKey" -> {
                ApiKeyService.IssuedKey issued = apiKeys.create(AuditEvent.SYSTEM, request.getParameter("name"));
                apiKeys.revoke(AuditEvent.SYSTEM, issued.key().getId());
                response.getWriter().write(issued.secret());
            }
            case "apiKey" ->
                response.getWriter()
                        .write(apiKeys.create(AuditEvent.SYSTEM, request.getParameter("name"))
                                .secret());
            default -> response.sendError(HttpServletResponse.SC_BAD_REQUEST, "create=user, disabled or apiKey");
        }
    }
}
