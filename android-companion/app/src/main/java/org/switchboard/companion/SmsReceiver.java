package org.switchboard.companion;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.provider.Telephony;
import android.telephony.SmsMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.switchboard.companion.core.Reports;

/** Incoming SMS: the parts Android hands over together are joined and reported as one message per sender. */
public final class SmsReceiver extends BroadcastReceiver {

    @Override
    public void onReceive(Context context, Intent intent) {
        Reports reports = CompanionService.reports(context);
        if (reports != null) {
            handle(intent, reports);
        }
    }

    static void handle(Intent intent, Reports reports) {
        if (!Telephony.Sms.Intents.SMS_RECEIVED_ACTION.equals(intent.getAction())) {
            return;
        }
        SmsMessage[] parts = Telephony.Sms.Intents.getMessagesFromIntent(intent);
        if (parts == null) {
            return;
        }
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        Map<String, Long> times = new LinkedHashMap<>();
        for (SmsMessage part : parts) {
            if (part == null) {
                continue;
            }
            String from = part.getDisplayOriginatingAddress();
            texts.computeIfAbsent(from, sender -> new StringBuilder()).append(part.getMessageBody());
            times.putIfAbsent(from, part.getTimestampMillis());
        }
        int slot = intent.getIntExtra("android.telephony.extra.SLOT_INDEX", intent.getIntExtra("slot", -1));
        for (Map.Entry<String, StringBuilder> message : texts.entrySet()) {
            long at = times.get(message.getKey());
            reports.smsReceived(
                    message.getKey(),
                    message.getValue().toString(),
                    slot < 0 ? null : slot,
                    at > 0 ? Instant.ofEpochMilli(at) : null);
        }
    }
}
