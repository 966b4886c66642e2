package org.switchboard.phone;

import java.time.Instant;

/**
 * An SMS a phone received, whole (the phone joins the parts). Observers run in the transaction that records the
 * report, so what they store is stored before the phone is told the report arrived.
 *
 * @param reportId the phone's frame id, unique per phone; null from a seed-style phone
 * @param contactName the name in the phone's own address book, if any
 * @param simSlot the SIM that received it, if the phone said
 */
public record SmsReceived(
        long deviceId, String reportId, String from, String contactName, String text, Integer simSlot, Instant at) {}
