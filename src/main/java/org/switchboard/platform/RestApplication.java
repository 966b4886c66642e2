package org.switchboard.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API for other systems, authenticated by API key (see {@code security.ApiKeyFilter}). */
@ApplicationPath(RestApplication.PATH)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Switchboard API",
                        version = "1",
                        description =
                                "For the school's own platform. Every call sends 'Authorization: Bearer <API key>';"
                                        + " errors are JSON: {\"message\": ..., \"field\": ...}."))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class RestApplication extends Application {
    public static final String PATH = "/api";
}
