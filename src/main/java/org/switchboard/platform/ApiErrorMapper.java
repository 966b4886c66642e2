package org.switchboard.platform;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers every other REST error in the JSON shape of {@link InvalidInputMapper} instead of the server's HTML pages: a
 * body that is not JSON of the expected shape is a 400, one cut off by {@link RequestBodyLimit} a 413, an unexpected
 * failure a logged 500.
 */
@Provider
public class ApiErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class.getName());
    static final String MALFORMED = "The request body is not valid JSON of the expected shape.";

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(Exception e) {
        // Whichever reader met the cut-off body wraps it in its own way; the request remembers why.
        if (RequestBodyLimit.exceeded(request)) {
            return json(Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode(), RequestBodyLimit.message());
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String message = status == Response.Status.BAD_REQUEST.getStatusCode() ? MALFORMED : web.getMessage();
            return json(status, message);
        }
        if (e instanceof JsonbException || e instanceof ProcessingException) {
            return json(Response.Status.BAD_REQUEST.getStatusCode(), MALFORMED);
        }
        LOG.log(Level.SEVERE, "REST request failed", e);
        return json(
                Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), "The server could not complete this request.");
    }

    private static Response json(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", message))
                .build();
    }
}
