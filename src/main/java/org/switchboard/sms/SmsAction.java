package org.switchboard.sms;

/** The audit trail's action codes for SMS. */
enum SmsAction {
    SMS_QUEUED,
    /** One message handed to a phone: who sent it, to whom, through which phone and SIM. */
    SMS_DISPATCHED,
    /**
     * A phone reported a message it had been given earlier, after the message had gone to another phone that has it
     * too: the recipient may get it twice.
     */
    SMS_HANDED_OVER_TWICE,
    SMS_TEMPLATE_SAVED,
    SMS_TEMPLATE_DELETED,
    SMS_CAMPAIGN_PAUSED,
    SMS_CAMPAIGN_RESUMED,
    SMS_CAMPAIGN_CANCELLED,
    SMS_HISTORY_EXPORTED
}
