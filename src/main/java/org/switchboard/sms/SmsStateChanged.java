package org.switchboard.sms;

import java.time.Instant;

/**
 * A stored message took a new state (after it was queued), fired in the transaction that moved it: observers that
 * tell the outside world (webhooks) observe it after success, so nothing is announced that was rolled back.
 *
 * @param detail the phone's reason for a failure, or why it was queued again; may be null
 */
public record SmsStateChanged(long messageId, String recipient, MessageState state, Instant at, String detail) {}
