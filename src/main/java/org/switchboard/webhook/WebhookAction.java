package org.switchboard.webhook;

/** The audit trail's action codes for webhooks. */
enum WebhookAction {
    WEBHOOK_ADDED,
    WEBHOOK_CHANGED,
    WEBHOOK_DELETED
}
