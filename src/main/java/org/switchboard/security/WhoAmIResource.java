package org.switchboard.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;

/** Lets a client check its API key before it relies on it. */
@Path("v1/whoami")
public class WhoAmIResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> whoAmI(@Context SecurityContext security) {
        return Map.of("apiKey", security.getUserPrincipal().getName());
    }
}
