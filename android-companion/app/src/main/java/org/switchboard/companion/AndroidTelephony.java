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
        CompanionApplication.of(context).smsProgress().expect(commandId, parts.size());
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
        SubscriptionInfo info = simIn(slot);
        return info == null ? null : info.getSubscriptionId();
    }

    /** The active subscription of a SIM slot; null when the slot is empty or the permission is missing. */
    private SubscriptionInfo simIn(int slot) {
        try {
            return context.getSystemService(SubscriptionManager.class).getActiveSubscriptionInfoForSimSlotIndex(slot);
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
        if (sim != null) {
            SubscriptionInfo subscription = simIn(sim);
            if (subscription == null) {
                reports.result(commandId, false, "NO_SIM_IN_SLOT_" + sim);
                return;
            }
            PhoneAccountHandle account;
            try {
                account = accountFor(telecom, subscription);
            } catch (SecurityException e) {
                reports.result(commandId, false, "NO_PERMISSION");
                return;
            }
            if (account != null) {
                extras.putParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE, account);
            } else if (activeSubscriptions() != 1) {
                // another SIM's line would be the wrong caller id and the wrong bill
                reports.result(commandId, false, "NO_PHONE_ACCOUNT_FOR_SIM_" + sim);
                return;
            }
        }
        calls().expectOutgoing(to, commandId);
        try {
            telecom.placeCall(Uri.fromParts("tel", to, null), extras);
            reports.result(commandId, true, null);
        } catch (SecurityException e) {
            calls().forgetOutgoing(commandId);
            reports.result(commandId, false, "NO_PERMISSION");
        }
    }

    /**
     * The call-capable account of a subscription. Telecom lists accounts in no particular order, so they are matched
     * by subscription: through TelephonyManager from API 30, and otherwise by the handle's id, which telephony builds
     * from the SIM's ICCID (the subscription id on recent versions).
     *
     * @return null when no account matches, e.g. when Android withholds the ICCID from the app
     */
    private PhoneAccountHandle accountFor(TelecomManager telecom, SubscriptionInfo subscription) {
        for (PhoneAccountHandle account : telecom.getCallCapablePhoneAccounts()) {
            int accountSubscription = Build.VERSION.SDK_INT >= 30
                    ? subscriptionOf30(account)
                    : SubscriptionManager.INVALID_SUBSCRIPTION_ID;
            if (accountSubscription != SubscriptionManager.INVALID_SUBSCRIPTION_ID
                    ? accountSubscription == subscription.getSubscriptionId()
                    : isAccountOf(account.getId(), subscription.getSubscriptionId(), subscription.getIccId())) {
                return account;
            }
        }
        return null;
    }

    @TargetApi(30)
    private int subscriptionOf30(PhoneAccountHandle account) {
        return context.getSystemService(TelephonyManager.class).getSubscriptionId(account);
    }

    /** Telephony's handle id: the ICCID (padded with F on some SIMs), or the subscription id on recent versions. */
    static boolean isAccountOf(String accountId, int subscription, String iccId) {
        if (accountId == null || accountId.isEmpty()) {
            return false;
        }
        if (accountId.equals(String.valueOf(subscription))) {
            return true;
        }
        return iccId != null && !iccId.isEmpty() && withoutPadding(accountId).equalsIgnoreCase(withoutPadding(iccId));
    }

    private static String withoutPadding(String iccId) {
        int end = iccId.length();
        while (end > 0 && (iccId.charAt(end - 1) == 'F' || iccId.charAt(end - 1) == 'f')) {
            end--;
        }
        return iccId.substring(0, end);
    }

    private int activeSubscriptions() {
        try {
            return context.getSystemService(SubscriptionManager.class).getActiveSubscriptionInfoCount();
        } catch (SecurityException e) {
            return 0;
        }
    }

    private OngoingCalls calls() {
        return CompanionApplication.of(context).calls();
    }

    @Override
    public void answer(String commandId, String call) {
        android.telecom.Call target = calls().find(call, android.telecom.Call.STATE_RINGING);
        if (target != null) {
            target.answer(android.telecom.VideoProfile.STATE_AUDIO_ONLY);
            reports.result(commandId, true, null);
        } else if (call == null && calls().isEmpty() && fallbackAnswer()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void reject(String commandId, String call) {
        android.telecom.Call target = calls().find(call, android.telecom.Call.STATE_RINGING);
        if (target != null) {
            target.reject(false, null);
            reports.result(commandId, true, null);
        } else if (call == null && calls().isEmpty() && fallbackEnd()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void hangUp(String commandId, String call) {
        android.telecom.Call target = calls().find(call, -1);
        if (target != null) {
            target.disconnect();
            reports.result(commandId, true, null);
        } else if (call == null && calls().isEmpty() && fallbackEnd()) {
            reports.result(commandId, true, null);
        } else {
            reports.result(commandId, false, "NO_CALL");
        }
    }

    @Override
    public void dtmf(String commandId, String call, String digits) {
        android.telecom.Call target = calls().find(call, android.telecom.Call.STATE_ACTIVE);
        if (target == null) {
            // tones need the in-call path: TelecomManager has no fallback for them
            reports.result(commandId, false, calls().isEmpty() ? "NOT_DEFAULT_DIALER_OR_NO_CALL" : "NO_CALL");
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
        InCallService service = calls().service();
        if (service == null || calls().find(call, android.telecom.Call.STATE_ACTIVE) == null) {
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
