package org.switchboard.sms;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.switchboard.contact.Contact;
import org.switchboard.contact.ContactGroup;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.PhoneNumbers;
import org.switchboard.i18n.Messages;
import org.switchboard.i18n.SchoolTime;
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
    private static final int PREVIEWS_SHOWN = 3;
    private static final String PLANNED = ComposeView.class.getName() + ".planned";

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

    @Inject
    private PhoneNumbers phoneNumbers;

    private Long templateId;

    private List<Contact> chosenContacts = new ArrayList<>();
    private List<Long> groupIds = new ArrayList<>();
    private GroupAudience groupAudience = GroupAudience.MEMBERS;
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

    public String getPlaceholderNames() {
        return String.join(" ", Placeholders.written());
    }

    /** Words in braces that are not placeholders: the page warns before the send is refused. */
    public String getUnknownPlaceholders() {
        return String.join(" ", Placeholders.unknown(text));
    }

    /** What the first recipients will receive, when the text has placeholders or goes to guardians. */
    public List<SmsService.Preview> getPreviews() {
        if (!Placeholders.any(text) && !(reachesGuardians() && text != null && !text.isBlank())) {
            return List.of();
        }
        return plan().previews();
    }

    /** A preview's recipient as this user may see them: the contact's name, else the number, masked if need be. */
    public String recipientLabel(SmsService.Preview preview) {
        SmsService.Recipient recipient = preview.recipient();
        if (recipient.contact() == null) {
            return currentUser.isCanSeeNumbers()
                    ? phoneNumbers.display(recipient.number())
                    : phoneNumbers.mask(recipient.number());
        }
        if (recipient.children().isEmpty()) {
            return recipient.contact().getDisplayName();
        }
        return Messages.text(
                "sms.preview.guardianOf",
                recipient.contact().getDisplayName(),
                recipient.children().stream().map(Contact::getDisplayName).collect(Collectors.joining(", ")));
    }

    /** How many recipients the SMS goes to, shown when a group is chosen. */
    public int getRecipientCount() {
        return plan().recipients();
    }

    /** The "are you sure" of a send to many: to how many, how many parts, and how long at the phones' pace. */
    public String getConfirmation() {
        SmsService.Plan plan = plan();
        SmsService.Pace pace = plan.pace();
        String when;
        if (pace.readyPhones() == 0) {
            when = Messages.text("sms.confirm.noPhone");
        } else if (pace.partsPerMinute() == 0) {
            when = Messages.text("sms.confirm.unpaced");
        } else {
            when = Messages.text("sms.confirm.pace", pace.minutesFor(plan.parts()));
        }
        return Messages.text("sms.confirm.goesTo", plan.recipients(), plan.parts()) + " " + when + " "
                + Messages.text("sms.confirm.send");
    }

    /**
     * The plan of the send as the form stands, worked out once a request for all that the response shows of it (the
     * phones' pace and the directory change between requests); a recipient no longer in the directory plans nothing,
     * and the send then says why.
     */
    private SmsService.Plan plan() {
        Map<String, Object> request =
                FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
        Planned planned = (Planned) request.get(PLANNED);
        SmsService.Recipients recipients = recipients();
        if (planned == null || !planned.matches(recipients, text, deviceId)) {
            SmsService.Plan plan;
            try {
                plan = sms.plan(recipients, text, deviceId, PREVIEWS_SHOWN);
            } catch (InvalidInputException e) {
                plan = new SmsService.Plan(List.of(), 0, 0, new SmsService.Pace(0, 0));
            }
            planned = new Planned(recipients, text, deviceId, plan);
            request.put(PLANNED, planned);
        }
        return planned.plan();
    }

    private record Planned(SmsService.Recipients recipients, String text, Long deviceId, SmsService.Plan plan) {

        boolean matches(SmsService.Recipients otherRecipients, String otherText, Long otherDeviceId) {
            return recipients.equals(otherRecipients)
                    && Objects.equals(text, otherText)
                    && Objects.equals(deviceId, otherDeviceId);
        }
    }

    private SmsService.Recipients recipients() {
        return new SmsService.Recipients(
                numbers, List.of(), chosenContacts.stream().map(Contact::getId).toList(), groupIds, groupAudience);
    }

    private boolean reachesGuardians() {
        return !groupIds.isEmpty() && groupAudience.reachesGuardians();
    }

    /** Whether sending asks "are you sure" first: a group, or many people. */
    public boolean isMany() {
        return !groupIds.isEmpty() || chosenContacts.size() + numbers.size() > CONFIRM_ABOVE;
    }

    public GroupAudience[] getGroupAudiences() {
        return GroupAudience.values();
    }

    /** @return to the campaigns page, where a send to several people is followed; else stay */
    public String send() {
        try {
            SmsService.Sent sent = sms.send(
                    currentUser.getUsername(),
                    new SmsService.Request(
                            recipients(),
                            text,
                            deviceId,
                            simSlot,
                            sendAt == null
                                    ? null
                                    : sendAt.atZone(SchoolTime.zone()).toInstant(),
                            null));
            Messages.info("sms.queued", sent.messages().size());
            chosenContacts = new ArrayList<>();
            groupIds = new ArrayList<>();
            groupAudience = GroupAudience.MEMBERS;
            numbers = new ArrayList<>();
            text = null;
            sendAt = null;
            return sent.messages().size() > 1 ? "/sms/campaigns.xhtml?faces-redirect=true" : null;
        } catch (InvalidInputException e) {
            Messages.error(e);
            return null;
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

    public GroupAudience getGroupAudience() {
        return groupAudience;
    }

    public void setGroupAudience(GroupAudience groupAudience) {
        this.groupAudience = groupAudience == null ? GroupAudience.MEMBERS : groupAudience;
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
