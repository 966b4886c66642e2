package org.switchboard.contact;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;

/**
 * The contact form, to create a contact or edit one ({@code ?edit=}). Numbers the contact already has, or the one of
 * the record it was opened from (a {@link NumberOrigin}: a call's caller with {@code ?call=}, an inbox message's sender
 * with {@code ?sms=}), stay on the server: the page shows them as this user may see them, so that a user who may not
 * see numbers can label, keep or remove them without ever reading them. Any editor may type new ones. A number
 * another contact already has is a warning, with the choice to merge into that contact.
 */
@Named
@ViewScoped
public class ContactFormView implements Serializable {

    static final String EDIT = "edit";
    private static final long serialVersionUID = 1L;
    private static final int CANDIDATES_SHOWN = 10;

    @Inject
    private ContactService contacts;

    @Inject
    @Any
    private Instance<NumberOrigin> origins;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    private Long contactId;
    private String firstName;
    private String lastName;
    private ContactKind kind = ContactKind.GUARDIAN;
    private final List<NumberRow> numbers = new ArrayList<>();
    private List<String> groups = new ArrayList<>();
    private String notes;
    private final List<Relative> guardians = new ArrayList<>();
    private final List<Relative> students = new ArrayList<>();
    private Contact chosenGuardian;
    private Contact chosenStudent;
    private Relative numberHolder;
    private boolean sharingConfirmed;

    /** A number on the form: one already known (kept on the server, never sent to the page), or one being typed. */
    public static final class NumberRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String known;
        private String typed;
        private NumberLabel label;

        NumberRow(String known, NumberLabel label) {
            this.known = known;
            this.label = label;
        }

        public boolean isKnown() {
            return known != null;
        }

        public String getTyped() {
            return typed;
        }

        public void setTyped(String typed) {
            this.typed = typed;
        }

        public NumberLabel getLabel() {
            return label;
        }

        public void setLabel(NumberLabel label) {
            this.label = label;
        }
    }

    /** A guardian or student chosen on the form. */
    public record Relative(long id, String name) implements Serializable {

        static Relative of(Contact contact) {
            return new Relative(contact.getId(), contact.getDisplayName());
        }
    }

    @PostConstruct
    void openedFrom() {
        Map<String, String> parameters =
                FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String edit = parameters.get(EDIT);
        // No page names two origins; should a request do so, the first by parameter name decides.
        Optional<NumberOrigin> origin = origins.stream()
                .filter(o -> parameters.containsKey(o.parameter()))
                .min(Comparator.comparing(NumberOrigin::parameter));
        if (edit != null) {
            Optional<Contact> contact =
                    edit.matches("\\d{1,18}") ? contacts.find(Long.parseLong(edit)) : Optional.empty();
            contact.ifPresentOrElse(this::fillFrom, () -> Messages.error("error.contact.unknown", edit));
        } else if (origin.isPresent()) {
            takeNumberFrom(origin.get(), parameters.get(origin.get().parameter()));
        } else {
            numbers.add(new NumberRow(null, NumberLabel.MOBILE));
        }
    }

    private void takeNumberFrom(NumberOrigin origin, String id) {
        Optional<String> number = id.matches("\\d{1,18}") ? origin.numberOf(Long.parseLong(id)) : Optional.empty();
        number.ifPresentOrElse(
                n -> numbers.add(new NumberRow(n, NumberLabel.MOBILE)), () -> Messages.error(origin.noNumberKey()));
    }

    private void fillFrom(Contact contact) {
        contactId = contact.getId();
        firstName = contact.getFirstName();
        lastName = contact.getLastName();
        kind = contact.getKind();
        notes = contact.getNotes();
        contact.getNumbers().forEach(n -> numbers.add(new NumberRow(n.getE164(), n.getLabel())));
        groups = new ArrayList<>(
                contact.getGroups().stream().map(ContactGroup::getName).toList());
        contact.getGuardians().forEach(g -> guardians.add(Relative.of(g)));
        contact.getStudents().forEach(s -> students.add(Relative.of(s)));
    }

    public String save() {
        List<ContactInput.NumberInput> given = numberInputs();
        try {
            if (!sharingConfirmed) {
                Optional<Contact> holder = contacts.numberHolder(contactId, given);
                if (holder.isPresent()) {
                    numberHolder = Relative.of(holder.get());
                    return null;
                }
            }
            Contact contact = contactId == null
                    ? contacts.create(currentUser, input(given), family())
                    : contacts.update(currentUser, contactId, input(given), family());
            return opened(contact);
        } catch (InvalidInputException e) {
            Messages.error(e);
            return null;
        }
    }

    /** Keeps the number on both contacts, as for siblings sharing a guardian's phone. */
    public String saveSharing() {
        sharingConfirmed = true;
        return save();
    }

    /** Files what the form says into the contact that already has the number, instead of a second contact. */
    public String mergeIntoHolder() {
        if (numberHolder == null) {
            return null;
        }
        try {
            Contact merged;
            if (contactId == null) {
                merged = contacts.addTo(currentUser, numberHolder.id(), input(numberInputs()), family());
            } else {
                contacts.update(currentUser, contactId, input(numberInputs()), family());
                merged = contacts.merge(currentUser, contactId, numberHolder.id());
            }
            return opened(merged);
        } catch (InvalidInputException e) {
            Messages.error(e);
            return null;
        }
    }

    private static String opened(Contact contact) {
        return "/contact/index.xhtml?faces-redirect=true&" + ContactsView.OPEN + "=" + contact.getId();
    }

    private List<ContactInput.NumberInput> numberInputs() {
        List<ContactInput.NumberInput> given = new ArrayList<>();
        for (NumberRow row : numbers) {
            String number = row.isKnown() ? row.known : row.typed;
            if (number != null && !number.isBlank()) {
                given.add(new ContactInput.NumberInput(number, row.label));
            }
        }
        return given;
    }

    private ContactInput input(List<ContactInput.NumberInput> given) {
        return new ContactInput(firstName, lastName, kind, notes, given, groups, List.of());
    }

    private ContactService.Family family() {
        return new ContactService.Family(ids(guardians), ids(students));
    }

    private static Set<Long> ids(List<Relative> relatives) {
        Set<Long> ids = new LinkedHashSet<>();
        relatives.forEach(r -> ids.add(r.id()));
        return ids;
    }

    public void addNumber() {
        numbers.add(new NumberRow(null, NumberLabel.MOBILE));
    }

    public void removeNumber(int index) {
        if (index >= 0 && index < numbers.size()) {
            numbers.remove(index);
        }
        numberHolder = null;
    }

    /** A known number as this user may see it. */
    public String shown(NumberRow row) {
        if (row.known == null) {
            return null;
        }
        return currentUser.isCanSeeNumbers() ? phoneNumbers.display(row.known) : phoneNumbers.mask(row.known);
    }

    /** Contacts whose name or number matches what is typed, to choose a guardian or a student. */
    public List<Contact> candidates(String typed) {
        return contacts.search(new ContactQuery(typed, null), 0, CANDIDATES_SHOWN).stream()
                .filter(c -> !c.getId().equals(contactId))
                .toList();
    }

    public void addGuardian() {
        add(chosenGuardian, guardians);
        chosenGuardian = null;
    }

    public void addStudent() {
        add(chosenStudent, students);
        chosenStudent = null;
    }

    private static void add(Contact chosen, List<Relative> relatives) {
        if (chosen != null && relatives.stream().noneMatch(r -> r.id() == chosen.getId())) {
            relatives.add(Relative.of(chosen));
        }
    }

    public void removeGuardian(long id) {
        guardians.removeIf(r -> r.id() == id);
    }

    public void removeStudent(long id) {
        students.removeIf(r -> r.id() == id);
    }

    public boolean isEditing() {
        return contactId != null;
    }

    public Long getContactId() {
        return contactId;
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

    public List<NumberRow> getNumbers() {
        return numbers;
    }

    public List<Relative> getGuardians() {
        return guardians;
    }

    public List<Relative> getStudents() {
        return students;
    }

    public Relative getNumberHolder() {
        return numberHolder;
    }

    public String getDuplicateWarning() {
        return numberHolder == null ? null : Messages.text("contacts.duplicate", numberHolder.name());
    }

    public String getMergeLabel() {
        return numberHolder == null ? null : Messages.text("contacts.duplicate.merge", numberHolder.name());
    }

    public Contact getChosenGuardian() {
        return chosenGuardian;
    }

    public void setChosenGuardian(Contact chosenGuardian) {
        this.chosenGuardian = chosenGuardian;
    }

    public Contact getChosenStudent() {
        return chosenStudent;
    }

    public void setChosenStudent(Contact chosenStudent) {
        this.chosenStudent = chosenStudent;
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
