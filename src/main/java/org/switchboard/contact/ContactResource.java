package org.switchboard.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the school's platform keeps Switchboard's contacts in step with its own, and looks callers up. */
@Path("v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts")
@SecurityRequirement(name = "apiKey")
public class ContactResource {

    @Inject
    private ContactService contacts;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private PhoneNumbers phoneNumbers;

    @PUT
    @Path("{externalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace a contact",
            description = "The contact is matched by the platform's own id. Numbers may be written in any usual"
                    + " format; groups are created when new; guardians are given by external id and must exist.")
    @APIResponse(responseCode = "201", description = "Created; the body is the contact's card")
    @APIResponse(responseCode = "200", description = "Replaced; the body is the contact's card")
    @APIResponse(responseCode = "400", description = "Invalid input: {\"message\": ..., \"field\": ...}")
    @APIResponse(responseCode = "401", description = "No valid API key")
    public Response put(
            @Parameter(description = "The contact's id in the school's platform") @PathParam("externalId")
                    String externalId,
            ContactInput input,
            @Context SecurityContext caller) {
        ContactService.Saved saved = contacts.save(caller.getUserPrincipal().getName(), externalId, input);
        ContactCard card = callerLookup.cards(List.of(saved.contact())).get(0);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(card)
                .build();
    }

    @GET
    @Path("by-phone/{number}")
    @Operation(
            summary = "Who has this number",
            description = "Every contact with this number (siblings may share a guardian's phone), with groups,"
                    + " guardians or students, last invoice and balance. The number may be national, international,"
                    + " 00-prefixed or spaced. An unknown number gives an empty list.")
    @APIResponse(responseCode = "200", description = "The matching contacts' cards, possibly none")
    @APIResponse(responseCode = "400", description = "Not a valid phone number")
    @APIResponse(responseCode = "401", description = "No valid API key")
    public List<ContactCard> byPhone(@PathParam("number") String number) {
        return callerLookup.lookupE164(phoneNumbers.normalise(number));
    }
}
