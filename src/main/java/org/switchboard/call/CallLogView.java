package org.switchboard.call;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.i18n.Messages;
import org.switchboard.i18n.SchoolTime;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.CsvExport;
import org.switchboard.platform.DatabasePage;
import org.switchboard.security.CurrentUser;

/** The call log: every call, newest first, narrowed by kind, phone, user, contact and day, and exported as CSV. */
@Named
@ViewScoped
public class CallLogView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Enough for a school's year of calls in one file, and a bound on what one click makes the server write. */
    static final int EXPORT_LIMIT = 100_000;

    private static final int EXPORT_PAGE = 1_000;

    @Inject
    private CallService calls;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LiveCalls liveCalls;

    private CallFilter.Kind kind;
    private Long deviceId;
    private String user;
    private String contact;
    private LocalDate from;
    private LocalDate to;

    private final DatabasePage<Call> table = new DatabasePage<>(
            () -> calls.count(filter()), (first, size) -> calls.find(filter(), first, size), Call::getId);

    CallFilter filter() {
        ZoneId zone = SchoolTime.zone();
        return new CallFilter(
                kind,
                deviceId,
                user,
                contact,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Opened from the menu's missed count: the missed calls. */
    public void setShow(String show) {
        if (show != null) {
            try {
                kind = CallFilter.Kind.valueOf(show.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = null;
            }
        }
    }

    public String getShow() {
        return kind == null ? null : kind.name();
    }

    public String number(Call call) {
        if (call.getNumber() == null) {
            return Messages.text("calls.hidden");
        }
        return currentUser.isCanSeeNumbers()
                ? phoneNumbers.display(call.getNumber())
                : phoneNumbers.mask(call.getNumber());
    }

    public String phoneName(Long id) {
        return phoneNames().getOrDefault(id, "#" + id);
    }

    private Map<Long, String> phoneNames() {
        Map<Long, String> names = new HashMap<>();
        devices.list().forEach(device -> names.put(device.getId(), device.getName()));
        return names;
    }

    /** The log as the table shows it, numbers masked alike, as a CSV download ({@link CsvExport}). */
    public void export() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        Locale locale = faces.getViewRoot().getLocale();
        Map<Long, String> names = phoneNames();
        CallFilter filter = filter();
        try (CsvExport csv = CsvExport.download(
                (HttpServletResponse) external.getResponse(),
                "call-log-" + LocalDate.now() + ".csv",
                "id",
                "started",
                "direction",
                "state",
                "phone",
                "sim",
                "number",
                "contact",
                "placed_by",
                "handled_by",
                "duration_seconds",
                "reason",
                "notes")) {
            for (int first = 0; first < EXPORT_LIMIT; first += EXPORT_PAGE) {
                List<Call> page = calls.find(filter, first, EXPORT_PAGE);
                for (Call call : page) {
                    csv.row(
                            call.getId(),
                            call.getStartedAt(),
                            call.getDirection().name(),
                            Messages.text(locale, "calls.state." + call.getState()),
                            names.getOrDefault(call.getDeviceId(), "#" + call.getDeviceId()),
                            call.getSimSlot(),
                            number(call),
                            call.getContactName(),
                            liveCalls.userName(call.getPlacedBy()),
                            liveCalls.userName(call.getHandledBy()),
                            call.getDurationSeconds(),
                            call.getEndReason(),
                            call.getNotes());
                }
                if (page.size() < EXPORT_PAGE) {
                    break;
                }
            }
        }
        faces.responseComplete();
    }

    public String duration(Call call) {
        return LiveCalls.duration(call.getDurationSeconds());
    }

    public DatabasePage<Call> getTable() {
        return table;
    }

    public CallFilter.Kind[] getKinds() {
        return CallFilter.Kind.values();
    }

    public List<Device> getPhones() {
        return devices.list();
    }

    public CallFilter.Kind getKind() {
        return kind;
    }

    public void setKind(CallFilter.Kind kind) {
        this.kind = kind;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
