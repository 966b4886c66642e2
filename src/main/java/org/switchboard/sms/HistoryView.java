package org.switchboard.sms;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactGroup;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.DatabasePage;
import org.switchboard.security.CurrentUser;

/** Every message, newest first, filtered and searched, updated live as phones report, exported as CSV. */
@Named
@ViewScoped
public class HistoryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int CANDIDATES_SHOWN = 10;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private DeviceService devices;

    @Inject
    private ContactService contacts;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    private MessageState state;
    private LocalDate from;
    private LocalDate until;
    private Long deviceId;
    private String sender;
    private Contact contact;
    private Long groupId;
    private Long campaignId;
    private String text;

    private final DatabasePage<SmsMessage> messages = new DatabasePage<>(
            () -> outbox.count(filter()), (first, size) -> outbox.page(filter(), first, size), SmsMessage::getId);

    /** Opened from a campaign ({@code ?campaign=}), the history shows that campaign's messages. */
    @PostConstruct
    void openedFrom() {
        String campaign = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(HistoryExport.CAMPAIGN);
        if (campaign != null && campaign.matches("\\d{1,18}")) {
            campaignId = Long.valueOf(campaign);
        }
    }

    /** The criteria as chosen; the dates are whole days in the school's time zone, both included. */
    HistoryFilter filter() {
        return new HistoryFilter(
                state,
                HistoryFilter.startOf(from),
                HistoryFilter.endOf(until),
                deviceId,
                sender,
                contact == null ? null : contact.getId(),
                groupId,
                campaignId,
                text);
    }

    /** The export's address: the same criteria as the table. */
    public String getExportQuery() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(HistoryExport.STATE, state);
        parameters.put(HistoryExport.FROM, from);
        parameters.put(HistoryExport.UNTIL, until);
        parameters.put(HistoryExport.PHONE, deviceId);
        parameters.put(HistoryExport.SENDER, sender);
        parameters.put(HistoryExport.CONTACT, contact == null ? null : contact.getId());
        parameters.put(HistoryExport.GROUP, groupId);
        parameters.put(HistoryExport.CAMPAIGN, campaignId);
        parameters.put(HistoryExport.TEXT, text);
        return parameters.entrySet().stream()
                .filter(entry ->
                        entry.getValue() != null && !entry.getValue().toString().isBlank())
                .map(entry -> entry.getKey() + "="
                        + URLEncoder.encode(entry.getValue().toString(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public void clear() {
        state = null;
        from = null;
        until = null;
        deviceId = null;
        sender = null;
        contact = null;
        groupId = null;
        campaignId = null;
        text = null;
    }

    public DatabasePage<SmsMessage> getMessages() {
        return messages;
    }

    public MessageState[] getStates() {
        return MessageState.values();
    }

    public List<Device> getPhones() {
        return devices.list();
    }

    public List<ContactGroup> getGroups() {
        return contacts.groups();
    }

    public List<Contact> candidates(String typed) {
        return contacts.search(new ContactQuery(typed, null), 0, CANDIDATES_SHOWN);
    }

    /** The recipient as this user may see it: whole, or masked. */
    public String recipient(SmsMessage message) {
        String e164 = message.getRecipient();
        return currentUser.isCanSeeNumbers() ? phoneNumbers.display(e164) : phoneNumbers.mask(e164);
    }

    public String phoneName(Long deviceId) {
        return deviceId == null ? "" : phoneNames().getOrDefault(deviceId, "#" + deviceId);
    }

    public List<SmsEvent> timeline(SmsMessage message) {
        return outbox.timeline(message.getId());
    }

    private Map<Long, String> phoneNames() {
        return devices.list().stream().collect(Collectors.toMap(Device::getId, Device::getName));
    }

    public MessageState getState() {
        return state;
    }

    public void setState(MessageState state) {
        this.state = state;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
