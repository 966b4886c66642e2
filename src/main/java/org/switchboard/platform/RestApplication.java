package org.switchboard.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API for other systems, authenticated by API key (see {@code security.ApiKeyFilter}). */
@ApplicationPath(RestApplication.PATH)
public class RestApplication extends Application {
    public static final String PATH = "/api";
}
