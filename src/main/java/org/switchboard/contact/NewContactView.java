package org.switchboard.contact;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.call.Call;
import org.switchboard.call.CallService;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/**
 * The new-contact form. Opened from a call ({@code ?call=}), it takes the caller's number from the call, so that a user
 * who may not see numbers can file a caller without ever reading the number; the calls from that number then show the
 * new contact. Otherwise a user allowed to see numbers may type one.
 */
@Named
@ViewScoped
public class NewContactView implements Serializable {

    static final String CALL = "call";
    private static final long serialVersionUID = 1L;

    @Inject
    private ContactService contacts;

    @Inject
    private CallService calls;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    private String callerNumber;
    private String firstName;
    private String lastName;
    private ContactKind kind = ContactKind.GUARDIAN;
    private String typedNumber;
    private NumberLabel label = NumberLabel.MOBILE;
    private List<String> groups = new ArrayList<>();
    private String notes;

    @PostConstruct
    void openedFrom() {
        String call = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(CALL);
        if (call == null) {
            return;
        }
        callerNumber = call.matches("\\d{1,18}")
                ? calls.findById(Long.parseLong(call)).map(Call::getNumber).orElse(null)
                : null;
        if (callerNumber == null) {
            Messages.error("contacts.new.noCallerNumber");
        }
    }

    public String save() {
        List<ContactInput.NumberInput> numbers = new ArrayList<>();
        String number = callerNumber != null ? callerNumber : currentUser.isCanSeeNumbers() ? typedNumber : null;
        if (number != null && !number.isBlank()) {
            numbers.add(new ContactInput.NumberInput(number, label));
        }
        try {
            Contact contact = contacts.create(
                    currentUser.getUsername(),
                    new ContactInput(firstName, lastName, kind, notes, numbers, groups, List.of()));
            return "/contact/index.xhtml?faces-redirect=true&" + ContactsView.OPEN + "=" + contact.getId();
        } catch (InvalidInputException e) {
            Messages.error(e);
            return null;
        }
    }

    /** The caller's number as this user may see it; null when not opened from a call. */
    public String getCallerNumber() {
        if (callerNumber == null) {
            return null;
        }
        return currentUser.isCanSeeNumbers() ? phoneNumbers.display(callerNumber) : phoneNumbers.mask(callerNumber);
    }

    /** A number can be typed only by a user allowed to see numbers, and only when there is no caller's. */
    public boolean isNumberTyped() {
        return callerNumber == null && currentUser.isCanSeeNumbers();
    }

    public List<ContactKind> getKinds() {
        return List.of(ContactKind.values());
    }

    public List<NumberLabel> getLabels() {
        return List.of(NumberLabel.values());
    }

    public List<String> getGroupNames() {
        return contacts.groups().stream().map(ContactGroup::getName).toList();
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public ContactKind getKind() {
        return kind;
    }

    public void setKind(ContactKind kind) {
        this.kind = kind;
    }

    public String getTypedNumber() {
        return typedNumber;
    }

    public void setTypedNumber(String typedNumber) {
        this.typedNumber = typedNumber;
    }

    public NumberLabel getLabel() {
        return label;
    }

    public void setLabel(NumberLabel label) {
        this.label = label;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
