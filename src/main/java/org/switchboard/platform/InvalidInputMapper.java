package org.switchboard.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.switchboard.i18n.Language;
import org.switchboard.i18n.Messages;

/** Reports bad input to a REST client as {@code 400 {"message": ..., "field": ...}}. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {

    @Override
    public Response toResponse(InvalidInputException e) {
        String message = Messages.text(Language.DEFAULT.locale(), e.messageKey(), e.arguments());
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("message", message, "field", e.field()))
                .build();
    }
}
