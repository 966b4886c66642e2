package org.switchboard.contact;

public enum InvoiceStatus {
    PAID,
    UNPAID,
    PARTIAL,
    OVERDUE
}
