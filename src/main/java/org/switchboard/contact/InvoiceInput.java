package org.switchboard.contact;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the school's platform sends it; {@code contact} is the contact's external id. */
public record InvoiceInput(
        String contact,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal amountPaid,
        String currency,
        InvoiceStatus status) {}
