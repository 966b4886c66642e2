package org.switchboard.contact;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("v1/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
@SecurityRequirement(name = "apiKey")
public class InvoiceResource {

    @Inject
    private ContactService contacts;

    @PUT
    @Path("{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create or replace an invoice",
            description = "The invoice belongs to the contact whose external id is given in 'contact'. Amounts have at"
                    + " most 3 decimals; currency is an ISO 4217 code.")
    @APIResponse(responseCode = "201", description = "Created; the body is the invoice as stored")
    @APIResponse(responseCode = "200", description = "Replaced; the body is the invoice as stored")
    @APIResponse(responseCode = "400", description = "Invalid input: {\"message\": ..., \"field\": ...}")
    @APIResponse(responseCode = "401", description = "No valid API key")
    public Response put(@PathParam("number") String number, InvoiceInput input, @Context SecurityContext caller) {
        ContactService.SavedInvoice saved =
                contacts.saveInvoice(caller.getUserPrincipal().getName(), number, input);
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ContactCard.InvoiceSummary.of(saved.invoice()))
                .build();
    }
}
