package org.switchboard.companion;

import android.app.Activity;
import android.app.PendingIntent;
import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.net.Uri;
import android.telephony.SmsManager;
import android.telephony.SmsMessage;
import org.switchboard.companion.core.Reports;

/**
 * The radio's word on each part of an SMS: sent (or failed) and delivered. The command's result follows once every
 * part has been sent or has failed. Progress is kept in preferences, as the process may die between parts.
 */
public final class SmsStatusReceiver extends BroadcastReceiver {

    static final String SENT = "org.switchboard.companion.SMS_SENT";
    static final String DELIVERED = "org.switchboard.companion.SMS_DELIVERED";
    private static final String COMMAND = "command";
    private static final String PART = "part";
    private static final String PARTS = "parts";
    private static final String PROGRESS = "sms-progress";

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

    /** Remembers that a command's parts are on their way, so that its result can be told when all are sent. */
    static void expect(Context context, String commandId, int parts) {
        progress(context).edit().putString(commandId, parts + " 0 -").commit();
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
            String failure = deliveryFailure(intent);
            reports.smsPart(
                    commandId,
                    part,
                    parts,
                    failure == null ? Reports.SmsPartState.DELIVERED : Reports.SmsPartState.FAILED,
                    failure);
            return;
        }
        if (!SENT.equals(intent.getAction())) {
            return;
        }
        String failure = resultCode == Activity.RESULT_OK ? null : sendFailure(resultCode);
        reports.smsPart(
                commandId,
                part,
                parts,
                failure == null ? Reports.SmsPartState.SENT : Reports.SmsPartState.FAILED,
                failure);
        countSent(context, commandId, parts, failure, reports);
    }

    private static synchronized void countSent(
            Context context, String commandId, int parts, String failure, Reports reports) {
        SharedPreferences progress = progress(context);
        String[] fields = progress.getString(commandId, parts + " 0 -").split(" ");
        int done = Integer.parseInt(fields[1]) + 1;
        String firstFailure = fields[2].equals("-") && failure != null ? failure : fields[2];
        if (done < Integer.parseInt(fields[0])) {
            progress.edit()
                    .putString(commandId, fields[0] + " " + done + " " + firstFailure)
                    .commit();
            return;
        }
        progress.edit().remove(commandId).commit();
        reports.result(commandId, firstFailure.equals("-"), firstFailure.equals("-") ? null : firstFailure);
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

    /** The status report's TP-Status: 0x00-0x1F delivered, 0x20-0x3F still trying, 0x40 and above failed. */
    private static String deliveryFailure(Intent intent) {
        byte[] pdu = intent.getByteArrayExtra("pdu");
        if (pdu == null) {
            return null;
        }
        SmsMessage report = SmsMessage.createFromPdu(pdu, intent.getStringExtra("format"));
        if (report == null) {
            return null;
        }
        int status = report.getStatus();
        return status >= 0x40 ? "NOT_DELIVERED_" + status : null;
    }

    private static SharedPreferences progress(Context context) {
        return context.getSharedPreferences(PROGRESS, Context.MODE_PRIVATE);
    }
}
