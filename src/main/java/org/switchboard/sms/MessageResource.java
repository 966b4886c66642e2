package org.switchboard.sms;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.callbacks.Callback;
import org.eclipse.microprofile.openapi.annotations.callbacks.CallbackOperation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.contact.ContactGroup;
import org.switchboard.contact.ContactService;
import org.switchboard.platform.InvalidInputException;

/** How the school's platform sends SMS through the school's phones and follows them. */
@Path("v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMS")
@SecurityRequirement(name = "apiKey")
public class MessageResource {

    static final int MAX_LIST = 500;
    private static final Pattern GROUP_ID = Pattern.compile("[0-9]{1,18}");
    private static final String WEBHOOK_URL = "https://receiver.example/a-url-registered-on-the-sms-webhooks-page";
    private static final String WEBHOOK_SIGNING = "X-Switchboard-Signature is sha256= and the hex HMAC-SHA256 of the"
            + " exact body bytes keyed with the webhook's secret; X-Switchboard-Delivery (also the body's id) is the"
            + " same on every retry. See docs/webhooks.md.";
    private static final String WEBHOOK_ANSWER = "Any 2xx ends the delivery; anything else, a timeout (10 s) or a"
            + " refused connection is retried with doubling pauses up to the configured number of tries.";

    /** Messages the API queues name their sender {@code api:<key name>}: the history and audit tell UI from API. */
    static final String API_ACTOR_PREFIX = "api:";

    @Inject
    private SmsService sms;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private SmsTemplates templates;

    @Inject
    private ContactService contacts;

    /**
     * A send request.
     *
     * @param to numbers in any usual format
     * @param contacts contacts by the platform's own id; each gets it on its mobile, else its first number
     * @param groups groups by name, or by Switchboard's id written as a string
     * @param audience who of the groups: {@code members} (the default), {@code guardians} (the members' guardians, each
     *     once however many of its children are in the groups, unless the text names the child) or {@code both}
     * @param phone the id of the phone to send through; absent: whichever phone is connected and least busy
     * @param sim the SIM slot (0-based); absent: the phone's default
     * @param text the text, which may hold placeholders such as {firstName}, filled for each recipient
     * @param template instead of a text, the name of a saved template
     * @param sendAt not before this instant; absent: now
     */
    public record SendRequest(
            List<String> to,
            List<String> contacts,
            @Schema(description = "Groups by name, or by Switchboard's id written as a string") List<String> groups,
            @Schema(
                            description = "Who of the groups gets the SMS; members when absent",
                            enumeration = {"members", "guardians", "both"})
                    String audience,
            String text,
            String template,
            Long phone,
            Integer sim,
            Instant sendAt) {}

    /** What a request queued: one message per distinct recipient. */
    public record Queued(long batch, boolean replayed, List<SmsMessage> messages) {}

    /** A message with its timeline. */
    public record Report(SmsMessage message, List<SmsEvent> timeline) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send an SMS to one or more recipients",
            description = "One message is queued per distinct recipient and sent by a connected phone as its pace"
                    + " allows. Recipients are numbers (to), contacts by the platform's id (contacts) and groups by"
                    + " name or id (groups); for groups, audience says who: members (the default), guardians (the"
                    + " members' guardians: a guardian of two children in the groups gets one SMS, or one per child"
                    + " when the text holds {childFirstName} or {childName}) or both. The text (or the template's)"
                    + " may hold placeholders, filled for each recipient from their contact: {firstName},"
                    + " {lastName}, {name}, {class}, {amountDue}, {childFirstName}, {childName}. With an"
                    + " Idempotency-Key, repeating the same request returns the same messages and sends nothing"
                    + " again; the key used for a different request is refused.")
    @APIResponse(responseCode = "201", description = "Queued")
    @APIResponse(responseCode = "200", description = "A repeat of an earlier request with the same key: nothing sent")
    @APIResponse(
            responseCode = "400",
            description = "Invalid input, such as an unknown group or audience: {\"message\": ..., \"field\": ...}")
    @APIResponse(responseCode = "401", description = "No valid API key")
    @Callback(
            name = "smsStateWebhook",
            callbackUrlExpression = WEBHOOK_URL,
            operations =
                    @CallbackOperation(
                            method = "post",
                            summary = "A message took a new state (to the webhooks registered for sms.state)",
                            description = WEBHOOK_SIGNING,
                            parameters = {
                                @Parameter(name = "X-Switchboard-Signature", in = ParameterIn.HEADER),
                                @Parameter(name = "X-Switchboard-Event", in = ParameterIn.HEADER),
                                @Parameter(name = "X-Switchboard-Delivery", in = ParameterIn.HEADER)
                            },
                            requestBody =
                                    @RequestBody(
                                            content =
                                                    @Content(
                                                            mediaType = MediaType.APPLICATION_JSON,
                                                            schema =
                                                                    @Schema(
                                                                            implementation =
                                                                                    WebhookPayload.StateChanged
                                                                                            .class))),
                            responses = @APIResponse(responseCode = "200", description = WEBHOOK_ANSWER)))
    @Callback(
            name = "smsReceivedWebhook",
            callbackUrlExpression = WEBHOOK_URL,
            operations =
                    @CallbackOperation(
                            method = "post",
                            summary = "A school phone received an SMS (to the webhooks registered for sms.received)",
                            description = WEBHOOK_SIGNING,
                            parameters = {
                                @Parameter(name = "X-Switchboard-Signature", in = ParameterIn.HEADER),
                                @Parameter(name = "X-Switchboard-Event", in = ParameterIn.HEADER),
                                @Parameter(name = "X-Switchboard-Delivery", in = ParameterIn.HEADER)
                            },
                            requestBody =
                                    @RequestBody(
                                            content =
                                                    @Content(
                                                            mediaType = MediaType.APPLICATION_JSON,
                                                            schema =
                                                                    @Schema(
                                                                            implementation =
                                                                                    WebhookPayload.Received.class))),
                            responses = @APIResponse(responseCode = "200", description = WEBHOOK_ANSWER)))
    public Response send(
            SendRequest request,
            @Parameter(description = "Any unique string of up to 100 characters chosen by the caller")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context SecurityContext caller) {
        if (request == null) {
            throw new InvalidInputException("text", "error.sms.emptyText");
        }
        SmsService.Sent sent = sms.send(
                API_ACTOR_PREFIX + caller.getUserPrincipal().getName(),
                new SmsService.Request(
                        new SmsService.Recipients(
                                request.to(),
                                request.contacts(),
                                List.of(),
                                groupIds(request.groups()),
                                audience(request.audience())),
                        text(request),
                        request.phone(),
                        request.sim(),
                        request.sendAt(),
                        idempotencyKey));
        return Response.status(sent.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new Queued(sent.batch().getId(), sent.replayed(), sent.messages()))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A message, its parts and its timeline of states")
    @APIResponse(responseCode = "200", description = "The message")
    @APIResponse(responseCode = "404", description = "No such message")
    public Report get(@PathParam("id") long id) {
        SmsMessage message = outbox.find(id).orElseThrow(() -> new NotFoundException("No message " + id));
        return new Report(message, outbox.timeline(id));
    }

    @GET
    @Operation(summary = "Messages, newest first", description = "Page with before=<the last id of a page>.")
    public List<SmsMessage> list(
            @Parameter(description = "QUEUED, DISPATCHED, SENT_TO_PHONE, SENT, DELIVERED, FAILED, EXPIRED, CANCELLED")
                    @QueryParam("state")
                    String state,
            @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return outbox.list(HistoryFilter.of(state(state)), before, Math.max(1, Math.min(limit, MAX_LIST)));
    }

    private List<Long> groupIds(List<String> groups) {
        if (groups == null) {
            return List.of();
        }
        return groups.stream()
                .map(group -> findGroup(group)
                        .map(ContactGroup::getId)
                        .orElseThrow(() -> new InvalidInputException("groups", "error.sms.unknownGroup", group)))
                .toList();
    }

    /** By name first, as the platform knows its classes; else by id, as the pages choose them. */
    private Optional<ContactGroup> findGroup(String group) {
        if (group == null || group.isBlank()) {
            return Optional.empty();
        }
        return contacts.findGroup(group)
                .or(() -> GROUP_ID.matcher(group.strip()).matches()
                        ? contacts.findGroup(Long.parseLong(group.strip()))
                        : Optional.empty());
    }

    private static GroupAudience audience(String name) {
        if (name == null || name.isBlank()) {
            return GroupAudience.MEMBERS;
        }
        try {
            return GroupAudience.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("audience", "error.sms.audience", name);
        }
    }

    private String text(SendRequest request) {
        if (request.template() == null || request.template().isBlank()) {
            return request.text();
        }
        if (request.text() != null && !request.text().isBlank()) {
            throw new InvalidInputException("template", "error.sms.textOrTemplate");
        }
        return templates
                .find(request.template())
                .orElseThrow(
                        () -> new InvalidInputException("template", "error.sms.unknownTemplate", request.template()))
                .getText();
    }

    private static MessageState state(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MessageState.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "error.sms.state", name);
        }
    }
}
