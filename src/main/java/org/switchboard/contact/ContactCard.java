package org.switchboard.contact;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

        /** The amount as every page writes it: see {@link ContactCard#shown}. */
        public String amountShown() {
            return shown(amount, currency);
        }
    }

    /** What is owed, in one currency. */
    public record Amount(String currency, BigDecimal amount) {

        /** The amount as every page and every SMS writes it: see {@link ContactCard#shown}. */
        public String shown() {
            return ContactCard.shown(amount, currency);
        }
    }

    /**
     * An amount with its currency's own number of decimals (three for the dinar, two for the euro), so that the card,
     * the call pop-up and an SMS say the same thing: {@code 250.500} for 250.5 TND.
     */
    public static String shown(BigDecimal amount, String currency) {
        return scaled(amount, currency).toPlainString();
    }

    /** The amount with its currency's own number of decimals, for a form to show as {@link #shown} writes it. */
    public static BigDecimal scaled(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = -1;
        }
        return digits < 0 ? amount.stripTrailingZeros() : amount.setScale(digits, RoundingMode.HALF_UP);
    }
}
