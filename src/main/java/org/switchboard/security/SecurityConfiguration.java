package org.switchboard.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login through {@code login.xhtml}. Which pages need which role is in {@code web.xml}; the REST API uses API
 * keys instead ({@link ApiKeyFilter}).
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ADMIN", "STAFF", "VIEWER"})
@ApplicationScoped
public class SecurityConfiguration {}
