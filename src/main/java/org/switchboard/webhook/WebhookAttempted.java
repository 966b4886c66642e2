package org.switchboard.webhook;

/**
 * A webhook delivery was tried, fired in the transaction that records the outcome, for observers outside the package
 * (after success: the outcome is stored).
 *
 * @param status the receiver's HTTP status, or null if it did not answer
 */
public record WebhookAttempted(String deliveryId, long webhookId, WebhookDelivery.State state, Integer status) {}
