package org.switchboard.sms;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.CallerLookup;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.CsvExport;
import org.switchboard.security.CurrentUser;

/**
 * The SMS history as CSV ({@link CsvExport}), with the history page's criteria as query parameters. Rows are read in
 * chunks by id, so a million rows stream in constant memory. Numbers are shown as on the page, masked for users who may
 * not see them, with the name of the contact who has each; every export is audited.
 */
@WebServlet(HistoryExport.PATH)
public class HistoryExport extends HttpServlet {

    static final String PATH = "/sms/history.csv";
    static final String STATE = "state";
    static final String FROM = "from";
    static final String UNTIL = "until";
    static final String PHONE = "phone";
    static final String SENDER = "sender";
    static final String CONTACT = "contact";
    static final String GROUP = "group";
    static final String CAMPAIGN = "campaign";
    static final String TEXT = "q";

    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 2_000;
    private static final String[] HEADER = {
        "id",
        "created_at",
        "created_by",
        "recipient",
        "contact",
        "text",
        "parts",
        "encoding",
        "state",
        "phone",
        "sim",
        "dispatched_at",
        "sent_at",
        "delivered_at",
        "failure_reason",
        "campaign"
    };

    @Inject
    private SmsOutbox outbox;

    @Inject
    private Campaigns campaigns;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CallerLookup callerLookup;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Event<AuditEvent> audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HistoryFilter filter;
        try {
            filter = filter(request);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid criterion: " + e.getMessage());
            return;
        }
        boolean wholeNumbers = currentUser.isCanSeeNumbers();
        Map<Long, String> phones = devices.list().stream().collect(Collectors.toMap(Device::getId, Device::getName));
        long rows = 0;
        try (CsvExport csv = CsvExport.download(response, "sms-history-" + LocalDate.now() + ".csv", HEADER)) {
            Long before = null;
            List<SmsMessage> chunk;
            do {
                chunk = outbox.list(filter, before, CHUNK);
                Map<String, String> names = callerLookup.names(
                        chunk.stream().map(SmsMessage::getRecipient).collect(Collectors.toSet()));
                Set<Long> listed = campaigns.campaignsAmong(chunk.stream()
                        .map(SmsMessage::getBatchId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()));
                for (SmsMessage message : chunk) {
                    csv.row(row(message, wholeNumbers, phones, names, listed));
                    before = message.getId();
                }
                rows += chunk.size();
            } while (chunk.size() == CHUNK);
        }
        audit.fire(new AuditEvent(
                currentUser.getUsername(),
                SmsAction.SMS_HISTORY_EXPORTED.name(),
                rows + " message(s)",
                AuditEvent.Outcome.SUCCESS,
                request.getQueryString()));
    }

    private Object[] row(
            SmsMessage message,
            boolean wholeNumbers,
            Map<Long, String> phones,
            Map<String, String> names,
            Set<Long> campaignsListed) {
        String recipient = message.getRecipient();
        return new Object[] {
            message.getId(),
            message.getCreatedAt(),
            message.getCreatedBy(),
            wholeNumbers ? phoneNumbers.display(recipient) : phoneNumbers.mask(recipient),
            names.get(recipient),
            message.getText(),
            message.getParts(),
            message.getEncoding().name(),
            message.getState().name(),
            message.getDeviceId() == null
                    ? null
                    : phones.getOrDefault(message.getDeviceId(), "#" + message.getDeviceId()),
            message.getSimSlot(),
            message.getDispatchedAt(),
            message.getSentAt(),
            message.getDeliveredAt(),
            message.getFailureReason(),
            message.getBatchId() != null && campaignsListed.contains(message.getBatchId()) ? message.getBatchId() : null
        };
    }

    static HistoryFilter filter(HttpServletRequest request) {
        return new HistoryFilter(
                parse(request, STATE, name -> MessageState.valueOf(name.toUpperCase(Locale.ROOT))),
                HistoryFilter.startOf(parse(request, FROM, LocalDate::parse)),
                HistoryFilter.endOf(parse(request, UNTIL, LocalDate::parse)),
                parse(request, PHONE, Long::valueOf),
                request.getParameter(SENDER),
                parse(request, CONTACT, Long::valueOf),
                parse(request, GROUP, Long::valueOf),
                parse(request, CAMPAIGN, Long::valueOf),
                request.getParameter(TEXT));
    }

    private static <T> T parse(HttpServletRequest request, String name, Function<String, T> parser) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? null : Objects.requireNonNull(parser.apply(value.strip()));
    }
}
