package org.switchboard.sms;

import com.opencsv.CSVWriter;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.audit.AuditEvent;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.security.CurrentUser;

/**
 * The SMS history as CSV, with the history page's criteria as query parameters. Rows are read in chunks by id, so a
 * million rows stream in constant memory. Numbers are masked for users who may not see them; every export is audited.
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
    private DeviceService devices;

    @Inject
    private PhoneNumbers phoneNumbers;

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
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sms-history-" + LocalDate.now() + ".csv\"");
        long rows = 0;
        Writer out = response.getWriter();
        // The byte order mark makes spreadsheet programs read the file as UTF-8 (Arabic, accents).
        out.write('\uFEFF');
        try (CSVWriter csv = new CSVWriter(out)) {
            csv.writeNext(HEADER, false);
            Long before = null;
            List<SmsMessage> chunk;
            do {
                chunk = outbox.list(filter, before, CHUNK);
                for (SmsMessage message : chunk) {
                    csv.writeNext(row(message, wholeNumbers, phones), false);
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

    private String[] row(SmsMessage message, boolean wholeNumbers, Map<Long, String> phones) {
        return new String[] {
            String.valueOf(message.getId()),
            text(message.getCreatedAt()),
            message.getCreatedBy(),
            wholeNumbers ? message.getRecipient() : phoneNumbers.mask(message.getRecipient()),
            cell(message.getText()),
            String.valueOf(message.getParts()),
            message.getEncoding().name(),
            message.getState().name(),
            message.getDeviceId() == null
                    ? ""
                    : phones.getOrDefault(message.getDeviceId(), "#" + message.getDeviceId()),
            text(message.getSimSlot()),
            text(message.getDispatchedAt()),
            text(message.getSentAt()),
            text(message.getDeliveredAt()),
            cell(message.getFailureReason()),
            text(message.getBatchId())
        };
    }

    /**
     * Free text that a spreadsheet would take for a formula is written with a leading quote, so that opening an export
     * never runs what someone typed in an SMS.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
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
