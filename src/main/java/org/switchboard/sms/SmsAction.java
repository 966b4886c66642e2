package org.switchboard.sms;

/** The audit trail's action codes for SMS. */
enum SmsAction {
    SMS_QUEUED,
    /** One message handed to a phone: who sent it, to whom, through which phone and SIM. */
    SMS_DISPATCHED,
    SMS_TEMPLATE_SAVED,
    SMS_TEMPLATE_DELETED,
    SMS_CAMPAIGN_PAUSED,
    SMS_CAMPAIGN_RESUMED,
    SMS_CAMPAIGN_CANCELLED,
    SMS_HISTORY_EXPORTED,
    WEBHOOK_ADDED,
    WEBHOOK_CHANGED,
    WEBHOOK_DELETED
}
