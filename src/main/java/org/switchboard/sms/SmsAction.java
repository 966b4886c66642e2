package org.switchboard.sms;

/** The audit trail's action codes for SMS. */
enum SmsAction {
    SMS_QUEUED
}
