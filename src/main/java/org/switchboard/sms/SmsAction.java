package org.switchboard.sms;

/** The audit trail's action codes for SMS. */
enum SmsAction {
    SMS_QUEUED,
    SMS_TEMPLATE_SAVED,
    SMS_TEMPLATE_DELETED,
    WEBHOOK_ADDED,
    WEBHOOK_CHANGED,
    WEBHOOK_DELETED
}
