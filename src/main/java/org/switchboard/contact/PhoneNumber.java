package org.switchboard.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;

/** One of a contact's numbers: as it was typed, and in E.164, the form every lookup uses. */
@Entity
@Table(name = "phone_number")
public class PhoneNumber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false, updatable = false)
    private Contact contact;

    @Column(nullable = false)
    private String raw;

    @Column(nullable = false)
    private String e164;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NumberLabel label;

    protected PhoneNumber() {}

    PhoneNumber(Contact contact, String raw, String e164, NumberLabel label) {
        this.contact = Objects.requireNonNull(contact);
        this.raw = Objects.requireNonNull(raw);
        this.e164 = Objects.requireNonNull(e164);
        this.label = label == null ? NumberLabel.MOBILE : label;
    }

    /** @return whether the label changed */
    boolean relabel(NumberLabel newLabel) {
        NumberLabel wanted = newLabel == null ? NumberLabel.MOBILE : newLabel;
        boolean changed = label != wanted;
        label = wanted;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public String getRaw() {
        return raw;
    }

    public String getE164() {
        return e164;
    }

    public NumberLabel getLabel() {
        return label;
    }
}
