package org.switchboard.contact;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Event;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.switchboard.audit.AuditEvent;
import org.switchboard.i18n.Messages;
import org.switchboard.platform.DatabasePage;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.security.CurrentUser;
import org.switchboard.security.Role;

/**
 * The contacts page: a table paged in the database, searched by name, any number format or group, and a contact's
 * card. Numbers are masked until a user allowed to see them reveals a contact's, which is audited.
 */
@Named
@ViewScoped
public class ContactsView implements Serializable {

    static final String NUMBER_REVEALED = "NUMBER_REVEALED";
    /** The parameter that opens a contact's card with the page, e.g. after creating it. */
    static final String OPEN = "open";

    private static final long serialVersionUID = 1L;

    @Inject
    private ContactService contacts;

    @Inject
    private CallerLookup cards;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private Event<AuditEvent> audit;

    private List<Invoice> invoices;
    private Long invoiceId;
    private String invoiceNumber;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private BigDecimal amount;
    private BigDecimal amountPaid;
    private String currency;
    private InvoiceStatus status = InvoiceStatus.UNPAID;
    private String text;
    private Long groupId;
    private ContactCard card;
    private boolean revealed;

    private final DatabasePage<Contact> table = new DatabasePage<>(
            () -> contacts.count(query()), (first, size) -> contacts.search(query(), first, size), Contact::getId);

    private ContactQuery query() {
        return new ContactQuery(text, groupId);
    }

    @PostConstruct
    void openedWith() {
        String contactId = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(OPEN);
        if (contactId != null && contactId.matches("\\d{1,18}")) {
            open(Long.parseLong(contactId));
        }
    }

    public void open(long contactId) {
        revealed = false;
        invoices = null;
        newInvoice();
        card = contacts.find(contactId)
                .map(contact -> cards.cards(List.of(contact)).get(0))
                .orElse(null);
    }

    public void reveal() {
        if (card == null) {
            return;
        }
        if (!currentUser.isCanSeeNumbers()) {
            Messages.error("contacts.reveal.denied");
            audit.fire(new AuditEvent(
                    currentUser.getUsername(), NUMBER_REVEALED, target(card), AuditEvent.Outcome.DENIED, null));
            return;
        }
        revealed = true;
        audit.fire(AuditEvent.success(currentUser.getUsername(), NUMBER_REVEALED, target(card)));
    }

    public void delete() {
        if (card == null) {
            return;
        }
        try {
            contacts.delete(currentUser, card.id());
            Messages.info("contacts.deleted", card.name());
            card = null;
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public List<Invoice> getInvoices() {
        if (invoices == null) {
            invoices = card == null ? List.of() : contacts.invoicesOf(card.id());
        }
        return invoices;
    }

    /** Empties the invoice form, to add a new invoice. */
    public void newInvoice() {
        invoiceId = null;
        invoiceNumber = null;
        issueDate = LocalDate.now();
        dueDate = null;
        amount = null;
        amountPaid = null;
        status = InvoiceStatus.UNPAID;
        currency = getInvoices().stream().findFirst().map(Invoice::getCurrency).orElse(currency);
    }

    /** Fills the invoice form with one of the card's invoices, to change it. */
    public void editInvoice(long id) {
        getInvoices().stream().filter(i -> i.getId() == id).findFirst().ifPresent(invoice -> {
            invoiceId = invoice.getId();
            invoiceNumber = invoice.getNumber();
            issueDate = invoice.getIssueDate();
            dueDate = invoice.getDueDate();
            amount = ContactCard.scaled(invoice.getAmount(), invoice.getCurrency());
            amountPaid = ContactCard.scaled(invoice.getAmountPaid(), invoice.getCurrency());
            currency = invoice.getCurrency();
            status = invoice.getStatus();
        });
    }

    public void saveInvoice() {
        if (card == null) {
            return;
        }
        try {
            contacts.saveInvoiceOf(
                    currentUser,
                    card.id(),
                    invoiceNumber,
                    new InvoiceInput(null, issueDate, dueDate, amount, amountPaid, currency, status));
            open(card.id());
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public void deleteInvoice(long id) {
        if (card == null) {
            return;
        }
        try {
            contacts.deleteInvoice(currentUser, id);
            open(card.id());
        } catch (InvalidInputException e) {
            Messages.error(e);
        }
    }

    public List<InvoiceStatus> getStatuses() {
        return List.of(InvoiceStatus.values());
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public void setInvoiceNumber(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public void setIssueDate(LocalDate issueDate) {
        this.issueDate = issueDate;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    public BigDecimal getAmountPaid() {
        return amountPaid;
    }

    public void setAmountPaid(BigDecimal amountPaid) {
        this.amountPaid = amountPaid;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public void setStatus(InvoiceStatus status) {
        this.status = status;
    }

    public boolean isEditor() {
        Role role = currentUser.getRole();
        return role == Role.ADMIN || role == Role.STAFF;
    }

    private static String target(ContactCard card) {
        return card.externalId() == null ? "contact " + card.id() : card.externalId();
    }

    /** A number as this user may see it here: masked, unless revealed on the open card. */
    public String number(String e164) {
        boolean onRevealedCard = revealed
                && card != null
                && card.numbers().stream().anyMatch(n -> n.e164().equals(e164));
        return onRevealedCard ? phoneNumbers.display(e164) : phoneNumbers.mask(e164);
    }

    public List<ContactGroup> getGroups() {
        return contacts.groups();
    }

    public DatabasePage<Contact> getTable() {
        return table;
    }

    public ContactCard getCard() {
        return card;
    }

    public boolean isRevealed() {
        return revealed;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }
}
