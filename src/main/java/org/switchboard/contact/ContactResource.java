package org.switchboard.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.i18n.Language;
import org.switchboard.i18n.Messages;

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
                    + " format; groups are created when new; guardians are given by external id and must exist."
                    + " A number this contact does not have yet but another contact has is refused with 409 and"
                    + " that contact's ids, unless sharedNumbers=true (siblings sharing a guardian's phone).")
    @APIResponse(responseCode = "201", description = "Created; the body is the contact's card")
    @APIResponse(responseCode = "200", description = "Replaced; the body is the contact's card")
    @APIResponse(responseCode = "400", description = "Invalid input: {\"message\": ..., \"field\": ...}")
    @APIResponse(responseCode = "401", description = "No valid API key")
    @APIResponse(
            responseCode = "409",
            description = "A number is already another contact's: {\"message\": ..., \"field\": \"numbers\","
                    + " \"contactId\": ..., \"externalId\": ...}")
    public Response put(
            @Parameter(description = "The contact's id in the school's platform") @PathParam("externalId")
                    String externalId,
            @Parameter(description = "Allow numbers that other contacts have too") @QueryParam("sharedNumbers")
                    boolean sharedNumbers,
            ContactInput input,
            @Context SecurityContext caller) {
        ContactService.Saved saved;
        try {
            saved = contacts.save(caller.getUserPrincipal().getName(), externalId, input, sharedNumbers);
        } catch (NumberTakenException e) {
            return conflict(e);
        }
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

    private static Response conflict(NumberTakenException taken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "message",
                Messages.text(Language.DEFAULT.locale(), "error.contact.numberTaken", "contact " + taken.holderId()));
        body.put("field", "numbers");
        body.put("contactId", taken.holderId());
        if (taken.holderExternalId() != null) {
            body.put("externalId", taken.holderExternalId());
        }
        return Response.status(Response.Status.CONFLICT)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
