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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An invoice of the school's platform, kept here so that a caller's account can be shown while the phone rings. The
 * platform stays the source of truth: it sends each invoice, whole, by number.
 */
@Entity
@Table(name = "invoice")
@NamedQuery(name = Invoice.BY_NUMBER, query = "select i from Invoice i where i.number = :number")
public class Invoice {

    static final String BY_NUMBER = "Invoice.byNumber";
    static final int MAX_NUMBER = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String number;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(nullable = false, precision = 14, scale = 3)
    private BigDecimal amount;

    @Column(name = "amount_paid", nullable = false, precision = 14, scale = 3)
    private BigDecimal amountPaid;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvoiceStatus status;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Invoice() {}

    Invoice(String number) {
        this.number = Objects.requireNonNull(number);
    }

    /** @return whether anything changed */
    boolean update(
            Contact contact,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal amountPaid,
            String currency,
            InvoiceStatus status,
            Instant now) {
        boolean changed = this.contact == null
                || !this.contact.equals(contact)
                || !issueDate.equals(this.issueDate)
                || !Objects.equals(dueDate, this.dueDate)
                || this.amount.compareTo(amount) != 0
                || this.amountPaid.compareTo(amountPaid) != 0
                || !currency.equals(this.currency)
                || status != this.status;
        if (changed) {
            this.contact = Objects.requireNonNull(contact);
            this.issueDate = Objects.requireNonNull(issueDate);
            this.dueDate = dueDate;
            this.amount = Objects.requireNonNull(amount);
            this.amountPaid = Objects.requireNonNull(amountPaid);
            this.currency = Objects.requireNonNull(currency);
            this.status = Objects.requireNonNull(status);
            this.updatedAt = now;
        }
        return changed;
    }

    /** What is still owed on this invoice. */
    public BigDecimal getOutstanding() {
        return status == InvoiceStatus.PAID
                ? BigDecimal.ZERO
                : amount.subtract(amountPaid).max(BigDecimal.ZERO);
    }

    /**
     * The amount as every page and every SMS writes it: see {@link ContactCard#shown}. Not a getter, so that the API's
     * JSON keeps the number alone.
     */
    public String amountShown() {
        return ContactCard.shown(amount, currency);
    }

    public String amountPaidShown() {
        return ContactCard.shown(amountPaid, currency);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Contact getContact() {
        return contact;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public String getCurrency() {
        return currency;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
