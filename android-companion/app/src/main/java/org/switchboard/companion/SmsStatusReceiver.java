package org.switchboard.companion;

import android.app.Activity;
import android.app.PendingIntent;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.telephony.SmsManager;
import android.telephony.SmsMessage;
import org.switchboard.companion.core.Reports;
import org.switchboard.companion.core.sms.DeliveryReport;

/**
 * The radio's word on each part of an SMS: sent (or failed), then the network's status reports. What they make of the
 * message is the core's {@link org.switchboard.companion.core.sms.SmsProgress}, owned by the application.
 */
public final class SmsStatusReceiver extends BroadcastReceiver {

    static final String SENT = "org.switchboard.companion.SMS_SENT";
    static final String DELIVERED = "org.switchboard.companion.SMS_DELIVERED";
    private static final String COMMAND = "command";
    private static final String PART = "part";
    private static final String PARTS = "parts";

    /** One PendingIntent per command, part and kind: the data URI keeps them apart. */
    static PendingIntent intent(Context context, String action, String commandId, int part, int parts) {
        Intent intent = new Intent(
                        action,
                        Uri.parse("switchboard-sms://" + commandId + "/" + part),
                        context,
                        SmsStatusReceiver.class)
                .putExtra(COMMAND, commandId)
                .putExtra(PART, part)
                .putExtra(PARTS, parts);
        return PendingIntent.getBroadcast(
                context, 0, intent, PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    }

    @Override
    public void onReceive(Context context, Intent intent) {
        Reports reports = CompanionService.reports(context);
        if (reports != null) {
            handle(context, intent, getResultCode(), reports);
        }
    }

    static void handle(Context context, Intent intent, int resultCode, Reports reports) {
        String commandId = intent.getStringExtra(COMMAND);
        int part = intent.getIntExtra(PART, 1);
        int parts = intent.getIntExtra(PARTS, 1);
        if (commandId == null) {
            return;
        }
        if (DELIVERED.equals(intent.getAction())) {
            DeliveryReport report = deliveryReport(intent);
            if (report != null) {
                CompanionApplication.of(context).smsProgress().delivery(commandId, part, parts, report, reports);
            }
        } else if (SENT.equals(intent.getAction())) {
            String failure = resultCode == Activity.RESULT_OK ? null : sendFailure(resultCode);
            CompanionApplication.of(context).smsProgress().sent(commandId, part, parts, failure, reports);
        }
    }

    private static String sendFailure(int resultCode) {
        switch (resultCode) {
            case SmsManager.RESULT_ERROR_RADIO_OFF:
                return "RADIO_OFF";
            case SmsManager.RESULT_ERROR_NO_SERVICE:
                return "NO_SERVICE";
            case SmsManager.RESULT_ERROR_NULL_PDU:
                return "NULL_PDU";
            case SmsManager.RESULT_ERROR_LIMIT_EXCEEDED:
                return "LIMIT_EXCEEDED";
            case SmsManager.RESULT_ERROR_SHORT_CODE_NOT_ALLOWED:
            case SmsManager.RESULT_ERROR_SHORT_CODE_NEVER_ALLOWED:
                return "SHORT_CODE_NOT_ALLOWED";
            default:
                return "GENERIC_FAILURE_" + resultCode;
        }
    }

    /**
     * The status report Android hands with the delivery intent, in the format it names.
     *
     * @return null when there is none to read: without one, a part cannot be called delivered, nor failed
     */
    private static DeliveryReport deliveryReport(Intent intent) {
        byte[] pdu = intent.getByteArrayExtra("pdu");
        String format = intent.getStringExtra("format");
        if (pdu == null) {
            return null;
        }
        SmsMessage report = SmsMessage.createFromPdu(pdu, format);
        return report == null ? null : DeliveryReport.of(format, report.getStatus());
    }
}
