package org.switchboard.contact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything shown about a contact at a glance (the contact page's card, the incoming-call pop-up, the API's
 * by-phone answer): gathered from several tables in a few indexed queries, so that nothing is loaded lazily later.
 */
public record ContactCard(
        long id,
        String externalId,
        String name,
        ContactKind kind,
        String notes,
        List<Number> numbers,
        List<String> groups,
        List<Relative> relatives,
        InvoiceSummary lastInvoice,
        List<Amount> balance) {

    public record Number(String e164, NumberLabel label) {}

    /** A guardian of this student, or a student of this guardian. */
    public record Relative(long id, String externalId, String name, ContactKind kind, Relation relation) {}

    public enum Relation {
        GUARDIAN,
        STUDENT
    }

    public record InvoiceSummary(
            String number,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal amountPaid,
            String currency,
            InvoiceStatus status) {

        static InvoiceSummary of(Invoice invoice) {
            return new InvoiceSummary(
                    invoice.getNumber(),
                    invoice.getIssueDate(),
                    invoice.getDueDate(),
                    invoice.getAmount(),
                    invoice.getAmountPaid(),
                    invoice.getCurrency(),
                    invoice.getStatus());
        }
    }

    /** What is owed, in one currency. */
    public record Amount(String currency, BigDecimal amount) {}
}
