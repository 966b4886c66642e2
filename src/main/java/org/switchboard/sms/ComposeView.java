package org.switchboard.sms;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactGroup;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.i18n.Messages;
import org.switchboard.phone.Device;
import org.switchboard.phone.DeviceService;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/** The compose page: recipients, the text with its live part count, the phone, the time. */
@Named
@ViewScoped
public class ComposeView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Sending to more than this many chosen people, or to any group, asks for a confirmation first. */
    static final int CONFIRM_ABOVE = 10;

    private static final int CANDIDATES_SHOWN = 10;

    @Inject
    private SmsService sms;

    @Inject
    private ContactService contacts;

    @Inject
    private DeviceService devices;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private SmsTemplates templates;

    private Long templateId;

    private List<Contact> chosenContacts = new ArrayList<>();
    private List<Long> groupIds = new ArrayList<>();
    private List<String> numbers = new ArrayList<>();
    private String text;
    private Long deviceId;
    private Integer simSlot;
    private LocalDateTime sendAt;

    public List<Contact> candidates(String typed) {
        return contacts.search(new ContactQuery(typed, null), 0, CANDIDATES_SHOWN);
    }

    public List<ContactGroup> getGroups() {
        return contacts.groups();
    }

    public List<Device> getPhones() {
        return devices.list().stream().filter(device -> !device.isRevoked()).toList();
    }

    public List<SmsTemplate> getTemplates() {
        return templates.list();
    }

    /** Puts the chosen template's text in the text box, where it can still be changed. */
    public void useTemplate() {
        if (templateId != null) {
            templates.find(templateId).ifPresent(template -> text = template.getText());
        }
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    public Segments.Split getSplit() {
        return Segments.split(text);
    }

    /** Whether sending asks "are you sure" first: a group, or many people. */
    public boolean isMany() {
        return !groupIds.isEmpty() || chosenContacts.size() + numbers.size() > CONFIRM_ABOVE;
    }

    public void send() {
        if (!numbers.isEmpty() && !currentUser.isCanSeeNumbers()) {
            Messages.error("error.sms.numbersNotAllowed");
            return;
        }
        try {
            SmsService.Sent sent = sms.send(
                    currentUser.getUsername(),
                    new SmsService.Request(
                            new SmsService.Recipients(
                                    numbers,
                                    List.of(),
                                    chosenContacts.stream().map(Contact::getId).toList(),
                                    groupIds),
                            text,
                            deviceId,
                            simSlot,
                            sendAt == null
                                    ? null
                                    : sendAt.atZone(ZoneId.systemDefault()).toInstant(),
                            null));
            Messages.info("sms.queued", sent.messages().size());
            chosenContacts = new ArrayList<>();
            groupIds = new ArrayList<>();
            numbers = new ArrayList<>();
            text = null;
            sendAt = null;
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public List<Contact> getChosenContacts() {
        return chosenContacts;
    }

    public void setChosenContacts(List<Contact> chosenContacts) {
        this.chosenContacts = chosenContacts == null ? new ArrayList<>() : chosenContacts;
    }

    public List<Long> getGroupIds() {
        return groupIds;
    }

    public void setGroupIds(List<Long> groupIds) {
        this.groupIds = groupIds == null ? new ArrayList<>() : groupIds;
    }

    public List<String> getNumbers() {
        return numbers;
    }

    public void setNumbers(List<String> numbers) {
        this.numbers = numbers == null ? new ArrayList<>() : numbers;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(Long deviceId) {
        this.deviceId = deviceId;
    }

    public Integer getSimSlot() {
        return simSlot;
    }

    public void setSimSlot(Integer simSlot) {
        this.simSlot = simSlot;
    }

    public LocalDateTime getSendAt() {
        return sendAt;
    }

    public void setSendAt(LocalDateTime sendAt) {
        this.sendAt = sendAt;
    }
}
