package org.switchboard.sms;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.DatabasePage;
import org.switchboard.security.CurrentUser;

/** Every message, newest first, filtered by state, updated live as phones report. */
@Named
@ViewScoped
public class HistoryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SmsOutbox outbox;

    @Inject
    private DeviceService devices;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    private MessageState state;

    private final DatabasePage<SmsMessage> messages = new DatabasePage<>(
            () -> outbox.count(state), (first, size) -> outbox.page(state, first, size), SmsMessage::getId);

    public DatabasePage<SmsMessage> getMessages() {
        return messages;
    }

    public MessageState[] getStates() {
        return MessageState.values();
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
}
