package org.switchboard.contact;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A person the school calls or texts: a student, a guardian, a member of staff, or anyone else. */
@Entity
@Table(name = "contact")
@NamedQuery(name = Contact.BY_EXTERNAL_ID, query = "select c from Contact c where c.externalId = :externalId")
public class Contact {

    static final String BY_EXTERNAL_ID = "Contact.byExternalId";
    static final int MAX_NAME = 100;
    static final int MAX_NOTES = 2000;
    static final int MAX_EXTERNAL_ID = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The contact's id in the school's own platform, by which imports and the REST API match it. */
    @Column(name = "external_id", unique = true)
    private String externalId;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    /** Lower case, accents removed, "first last": what the name search matches against. */
    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactKind kind;

    private String notes;

    @OneToMany(mappedBy = "contact", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<PhoneNumber> numbers = new ArrayList<>();

    @ManyToMany
    @JoinTable(
            name = "contact_group_member",
            joinColumns = @JoinColumn(name = "contact_id"),
            inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<ContactGroup> groups = new LinkedHashSet<>();

    /** For a student: their guardians. */
    @ManyToMany
    @JoinTable(
            name = "contact_guardian",
            joinColumns = @JoinColumn(name = "student_id"),
            inverseJoinColumns = @JoinColumn(name = "guardian_id"))
    private Set<Contact> guardians = new LinkedHashSet<>();

    /** For a guardian: the students they look after. */
    @ManyToMany(mappedBy = "guardians")
    private Set<Contact> students = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {}

    Contact(String externalId, Instant createdAt) {
        this.externalId = externalId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = createdAt;
    }

    /** @return whether anything changed */
    boolean describe(String firstName, String lastName, ContactKind kind, String notes) {
        boolean changed = !Objects.equals(this.firstName, firstName)
                || !Objects.equals(this.lastName, lastName)
                || this.kind != kind
                || !Objects.equals(this.notes, notes);
        this.firstName = Objects.requireNonNull(firstName);
        this.lastName = Objects.requireNonNull(lastName);
        this.kind = Objects.requireNonNull(kind);
        this.notes = notes;
        this.searchName = searchable(firstName + " " + lastName);
        return changed;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    /**
     * Replaces the numbers, keeping the rows of numbers that stay so that their ids do not change; a number given
     * another label keeps its row too.
     *
     * @return whether anything changed
     */
    boolean replaceNumbers(List<ValidNumber> wanted) {
        boolean changed = numbers.removeIf(
                existing -> wanted.stream().noneMatch(w -> w.e164().equals(existing.getE164())));
        for (ValidNumber number : wanted) {
            Optional<PhoneNumber> present = numbers.stream()
                    .filter(n -> n.getE164().equals(number.e164()))
                    .findFirst();
            if (present.isEmpty()) {
                numbers.add(new PhoneNumber(this, number.raw(), number.e164(), number.label()));
                changed = true;
            } else {
                changed |= present.get().relabel(number.label());
            }
        }
        return changed;
    }

    /** @return whether anything changed */
    boolean replaceGroups(Set<ContactGroup> wanted) {
        return replace(groups, wanted);
    }

    void addGroup(ContactGroup group) {
        groups.add(group);
    }

    void removeGroup(ContactGroup group) {
        groups.remove(group);
    }

    /** @return whether anything changed */
    boolean replaceStudents(Set<Contact> wanted) {
        if (students.equals(wanted)) {
            return false;
        }
        for (Contact student : Set.copyOf(students)) {
            if (!wanted.contains(student)) {
                student.guardians.remove(this);
                students.remove(student);
            }
        }
        for (Contact student : wanted) {
            student.guardians.add(this);
            students.add(student);
        }
        return true;
    }

    /** Unlinks this contact from everyone it is linked to, before it is deleted. */
    void unlinkAll() {
        replaceStudents(Set.of());
        guardians.forEach(guardian -> guardian.students.remove(this));
        guardians.clear();
        groups.clear();
    }

    /** @return whether anything changed */
    boolean replaceGuardians(Set<Contact> wanted) {
        return replace(guardians, wanted);
    }

    private static <T> boolean replace(Set<T> current, Set<T> wanted) {
        if (current.equals(wanted)) {
            return false;
        }
        current.retainAll(wanted);
        current.addAll(wanted);
        return true;
    }

    static String searchable(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String getDisplayName() {
        return (firstName + " " + lastName).strip();
    }

    public Long getId() {
        return id;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public ContactKind getKind() {
        return kind;
    }

    public String getNotes() {
        return notes;
    }

    public List<PhoneNumber> getNumbers() {
        return Collections.unmodifiableList(numbers);
    }

    public Set<ContactGroup> getGroups() {
        return Collections.unmodifiableSet(groups);
    }

    public Set<Contact> getGuardians() {
        return Collections.unmodifiableSet(guardians);
    }

    public Set<Contact> getStudents() {
        return Collections.unmodifiableSet(students);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contact contact && id != null && id.equals(contact.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    /** A number that passed normalisation, ready to store. */
    record ValidNumber(String raw, String e164, NumberLabel label) {}
}
