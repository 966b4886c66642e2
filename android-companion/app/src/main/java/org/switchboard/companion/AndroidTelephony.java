package org.switchboard.companion;

import android.annotation.TargetApi;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.content.IntentFilter;
import android.net.Uri;
import android.os.BatteryManager;
import android.os.Build;
import android.os.Bundle;
import android.telecom.InCallService;
import android.telecom.PhoneAccountHandle;
import android.telecom.TelecomManager;
import android.telephony.SignalStrength;
import android.telephony.SmsManager;
import android.telephony.SubscriptionInfo;
import android.telephony.SubscriptionManager;
import android.telephony.TelephonyManager;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.companion.core.DeviceStatus;
import org.switchboard.companion.core.Reports;
import org.switchboard.companion.core.Telephony;

/**
 * The phone's radio for the protocol client: SMS through the SmsManager of the chosen SIM, one sent and one delivered
 * PendingIntent per part (reported by {@link SmsStatusReceiver}); calls through the InCallService when the app is the
 * default phone app, with TelecomManager as the fallback where Android still allows it.
 */
final class AndroidTelephony implements Telephony {

    /** Which SmsManager sends for a subscription: the system's, or the tests' own instances. */
    interface SmsManagers {
        SmsManager forSubscription(Context context, int subscriptionId);
    }

    static final SmsManagers SYSTEM_SMS_MANAGERS = AndroidTelephony::systemSmsManager;

    private final Context context;
    private final SmsManagers smsManagers;
    private Reports reports;

    AndroidTelephony(Context context, SmsManagers smsManagers) {
        this.context = context;
        this.smsManagers = smsManagers;
    }

    @Override
    public void start(Reports reports) {
        this.reports = reports;
    }

    // ---- SMS ------------------------------------------------------------------------------------------------------

    @Override
    public void sendSms(String commandId, String to, String text, Integer sim) {
        Integer subscription = subscriptionFor(sim);
        if (subscription == null) {
            reports.result(commandId, false, sim == null ? "NO_SIM" : "NO_SIM_IN_SLOT_" + sim);
            return;
        }
        SmsManager manager = smsManagers.forSubscription(context, subscription);
        ArrayList<String> parts = manager.divideMessage(text);
        ArrayList<PendingIntent> sent = new ArrayList<>();
        ArrayList<PendingIntent> delivered = new ArrayList<>();
        for (int part = 1; part <= parts.size(); part++) {
            sent.add(SmsStatusReceiver.intent(context, SmsStatusReceiver.SENT, commandId, part, parts.size()));
            delivered.add(
                    SmsStatusReceiver.intent(context, SmsStatusReceiver.DELIVERED, commandId, part, parts.size()));
        }
        SmsStatusReceiver.expect(context, commandId, parts.size());
        if (parts.size() == 1) {
            manager.sendTextMessage(to, null, parts.get(0), sent.get(0), delivered.get(0));
        } else {
            manager.sendMultipartTextMessage(to, null, parts, sent, delivered);
        }
    }

    /** The subscription of a SIM slot, or of the default SMS SIM; null when there is none. */
    private Integer subscriptionFor(Integer slot) {
        if (slot == null) {
            int id = SubscriptionManager.getDefaultSmsSubscriptionId();
            return id == SubscriptionManager.INVALID_SUBSCRIPTION_ID ? null : id;
        }
        try {
            SubscriptionInfo info =
                    context.getSystemService(SubscriptionManager.class).getActiveSubscriptionInfoForSimSlotIndex(slot);
            return info == null ? null : info.getSubscriptionId();
        } catch (SecurityException e) {
            return null;
        }
    }

    private static SmsManager systemSmsManager(Context context, int subscriptionId) {
        if (Build.VERSION.SDK_INT >= 31) {
            return smsManagerOf31(context, subscriptionId);
        }
        return SmsManager.getSmsManagerForSubscriptionId(subscriptionId);
    }

    @TargetApi(31)
    private static SmsManager smsManagerOf31(Context context, int subscriptionId) {
        return context.getSystemService(SmsManager.class).createForSubscriptionId(subscriptionId);
    }

    // ---- calls ----------------------------------------------------------------------------------------------------

    @Override
    public void call(String commandId, String to, Integer sim) {
        TelecomManager telecom = context.getSystemService(TelecomManager.class);
        Bundle extras = new Bundle();
        PhoneAccountHandle account = accountFor(telecom, sim);
        if (account != null) {
            extras.putParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE, account);
        }
        CallRegistry.expectOutgoing(to, commandId);
        try {
            telecom.placeCall(Uri.fromParts("tel", to, null), extras);
            reports.result(commandId, true, null);
        } catch (SecurityException e) {
            reports.result(commandId, false, "NO_PERMISSION");
        }
    }

    private PhoneAccountHandle accountFor(TelecomManager telecom, Integer slot) {
        if (slot == null) {
            return null;
        }
        try {
            List<PhoneAccountHandle> accounts = telecom.getCallCapablePhoneAccounts();
            return slot < accounts.size() ? accounts.get(slot) : null;
        } catch (SecurityException e) {
            return null;
        }
    }

    @Override
    public void answer(String commandId, String call) {
        android.telecom.Call target = CallRegistry.find(call, android.telecom.Call.STATE_RINGING);
        if (target != null) {
            target.answer(android.telecom.VideoProfile.STATE_AUDIO_ONLY);
            reports.result(commandId, true, null);
        } else if (call == null && CallRegistry.isEmpty() && fallbackAnswer()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void reject(String commandId, String call) {
        android.telecom.Call target = CallRegistry.find(call, android.telecom.Call.STATE_RINGING);
        if (target != null) {
            target.reject(false, null);
            reports.result(commandId, true, null);
        } else if (call == null && CallRegistry.isEmpty() && fallbackEnd()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void hangUp(String commandId, String call) {
        android.telecom.Call target = CallRegistry.find(call, -1);
        if (target != null) {
            target.disconnect();
            reports.result(commandId, true, null);
        } else if (call == null && CallRegistry.isEmpty() && fallbackEnd()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void dtmf(String commandId, String call, String digits) {
        android.telecom.Call target = CallRegistry.find(call, android.telecom.Call.STATE_ACTIVE);
        if (target == null) {
            // tones need the in-call path: TelecomManager has no fallback for them
            reports.result(commandId, false, CallRegistry.isEmpty() ? "NOT_DEFAULT_DIALER_OR_NO_CALL" : "NO_CALL");
            return;
        }
        for (char digit : digits.toCharArray()) {
            if (digit != ',') {
                target.playDtmfTone(digit);
                target.stopDtmfTone();
            }
        }
        reports.result(commandId, true, null);
    }

    @Override
    public void mute(String commandId, String call, boolean muted) {
        InCallService service = CallRegistry.service();
        if (service == null || CallRegistry.find(call, android.telecom.Call.STATE_ACTIVE) == null) {
            // the microphone of a call is the in-call path's alone, as tones are
            reports.result(commandId, false, service == null ? "NOT_DEFAULT_DIALER_OR_NO_CALL" : "NO_CALL");
            return;
        }
        service.setMuted(muted);
        reports.result(commandId, true, null);
    }

    /** Without the InCallService (not the default phone app): TelecomManager, with ANSWER_PHONE_CALLS. */
    private boolean fallbackAnswer() {
        try {
            TelecomManager telecom = context.getSystemService(TelecomManager.class);
            if (!telecom.isInCall()) {
                return false;
            }
            telecom.acceptRingingCall();
            return true;
        } catch (SecurityException e) {
            return false;
        }
    }

    private boolean fallbackEnd() {
        if (Build.VERSION.SDK_INT < 28) {
            return false;
        }
        return endCallOf28();
    }

    @TargetApi(28)
    private boolean endCallOf28() {
        try {
            return context.getSystemService(TelecomManager.class).endCall();
        } catch (SecurityException e) {
            return false;
        }
    }

    // ---- status ---------------------------------------------------------------------------------------------------

    @Override
    public DeviceStatus status() {
        Intent battery = context.registerReceiver(null, new IntentFilter(Intent.ACTION_BATTERY_CHANGED));
        Integer level = null;
        Boolean charging = null;
        if (battery != null) {
            int raw = battery.getIntExtra(BatteryManager.EXTRA_LEVEL, -1);
            int scale = battery.getIntExtra(BatteryManager.EXTRA_SCALE, 100);
            level = raw < 0 || scale <= 0 ? null : raw * 100 / scale;
            charging = battery.getIntExtra(BatteryManager.EXTRA_PLUGGED, 0) != 0;
        }
        return new DeviceStatus(level, charging, signal(), sims());
    }

    private Integer signal() {
        if (Build.VERSION.SDK_INT < 28) {
            return null;
        }
        return signalOf28();
    }

    @TargetApi(28)
    private Integer signalOf28() {
        SignalStrength strength =
                context.getSystemService(TelephonyManager.class).getSignalStrength();
        return strength == null ? null : strength.getLevel();
    }

    private List<DeviceStatus.Sim> sims() {
        List<DeviceStatus.Sim> sims = new ArrayList<>();
        try {
            List<SubscriptionInfo> infos =
                    context.getSystemService(SubscriptionManager.class).getActiveSubscriptionInfoList();
            if (infos != null) {
                for (SubscriptionInfo info : infos) {
                    CharSequence carrier = info.getCarrierName();
                    sims.add(new DeviceStatus.Sim(
                            info.getSimSlotIndex(), carrier == null ? null : carrier.toString(), null));
                }
            }
        } catch (SecurityException e) {
            return null;
        }
        return sims;
    }
}
