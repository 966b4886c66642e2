package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Activity;
import android.app.PendingIntent;
import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.telecom.PhoneAccount;
import android.telecom.PhoneAccountHandle;
import android.telecom.TelecomManager;
import android.telephony.SmsManager;
import android.telephony.SubscriptionManager;
import android.telephony.TelephonyManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.shadows.ShadowSmsManager;
import org.robolectric.shadows.ShadowSubscriptionManager;
import org.robolectric.shadows.ShadowSubscriptionManager.SubscriptionInfoBuilder;
import org.robolectric.shadows.ShadowTelecomManager;

/**
 * SMS commands through SmsManager: the right SIM, one PendingIntent per part and kind, each part's state reported; calls
 * on the Telecom account of the SIM in the slot asked for.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public class AndroidTelephonyTest {

    private static final String LONG_TEXT = "Chers parents, la réunion de rentrée aura lieu jeudi à 18h dans la salle "
            + "polyvalente. Merci de confirmer votre présence auprès du secrétariat avant mardi. Bonne soirée. "
            + "Chers parents, la réunion de rentrée aura lieu jeudi à 18h dans la salle polyvalente. Merci de "
            + "confirmer votre présence auprès du secrétariat avant mardi. Bonne soirée. Rappel : apportez le carnet.";

    private Context context;
    private final RecordingReports reports = new RecordingReports();
    private final List<Integer> subscriptionsAsked = new ArrayList<>();
    private SmsManager manager;
    private AndroidTelephony telephony;

    @Before
    public void twoSims() {
        context = RuntimeEnvironment.getApplication();
        shadowOf(RuntimeEnvironment.getApplication())
                .grantPermissions(Manifest.permission.READ_PHONE_STATE, Manifest.permission.CALL_PHONE);
        shadowOf(context.getSystemService(SubscriptionManager.class))
                .setActiveSubscriptionInfos(
                        SubscriptionInfoBuilder.newBuilder()
                                .setId(11)
                                .setSimSlotIndex(0)
                                .buildSubscriptionInfo(),
                        SubscriptionInfoBuilder.newBuilder()
                                .setId(12)
                                .setSimSlotIndex(1)
                                .buildSubscriptionInfo());
        telephony = new AndroidTelephony(context, (ignored, subscription) -> {
            subscriptionsAsked.add(subscription);
            manager = SmsManager.getSmsManagerForSubscriptionId(subscription);
            return manager;
        });
        telephony.start(reports);
    }

    @Test
    public void aLongSmsGoesOutInPartsOnTheChosenSimAndEachPartIsReported() {
        telephony.sendSms("cmd-1", "+21650000002", LONG_TEXT, 1);

        assertEquals(List.of(12), subscriptionsAsked);
        ShadowSmsManager.TextMultipartParams sent = shadowOf(manager).getLastSentMultipartTextMessageParams();
        assertEquals("+21650000002", sent.getDestinationAddress());
        assertEquals(LONG_TEXT, String.join("", sent.getParts()));
        int parts = sent.getParts().size();
        assertEquals("GSM-7 text of 366 characters: 153 a part", 3, parts);
        assertEquals(parts, sent.getSentIntents().size());
        assertEquals(parts, sent.getDeliveryIntents().size());

        for (int part = 0; part < parts; part++) {
            int result = part == parts - 1 ? SmsManager.RESULT_ERROR_NO_SERVICE : Activity.RESULT_OK;
            SmsStatusReceiver.handle(context, fired(sent.getSentIntents().get(part)), result, reports);
        }
        SmsStatusReceiver.handle(
                context, reported(sent.getDeliveryIntents().get(0), 0x00), Activity.RESULT_OK, reports);

        assertEquals(
                List.of(
                        "sms cmd-1 1/3 SENT null",
                        "sms cmd-1 2/3 SENT null",
                        "sms cmd-1 3/3 FAILED NO_SERVICE",
                        "result cmd-1 false NO_SERVICE",
                        "sms cmd-1 1/3 DELIVERED null"),
                reports.lines);
    }

    @Test
    public void aShortSmsOnTheDefaultSimIsOnePartAndSucceedsOnceSent() {
        ShadowSubscriptionManager.setDefaultSmsSubscriptionId(11);

        telephony.sendSms("cmd-2", "+21650000003", "Bonjour", null);

        assertEquals(List.of(11), subscriptionsAsked);
        ShadowSmsManager.TextSmsParams sent = shadowOf(manager).getLastSentTextMessageParams();
        assertEquals("+21650000003", sent.getDestinationAddress());
        assertEquals("Bonjour", sent.getText());
        SmsStatusReceiver.handle(context, fired(sent.getSentIntent()), Activity.RESULT_OK, reports);
        assertEquals(List.of("sms cmd-2 1/1 SENT null", "result cmd-2 true null"), reports.lines);
    }

    @Test
    public void aServiceCentreStillTryingIsNotDeliveryAndItsFinalFailureIsTold() {
        ShadowSubscriptionManager.setDefaultSmsSubscriptionId(11);
        telephony.sendSms("cmd-4", "+21650000002", "Bonjour", null);
        ShadowSmsManager.TextSmsParams sent = shadowOf(manager).getLastSentTextMessageParams();
        SmsStatusReceiver.handle(context, fired(sent.getSentIntent()), Activity.RESULT_OK, reports);

        SmsStatusReceiver.handle(context, reported(sent.getDeliveryIntent(), 0x20), Activity.RESULT_OK, reports);
        SmsStatusReceiver.handle(context, reported(sent.getDeliveryIntent(), 0x3F), Activity.RESULT_OK, reports);
        assertEquals(List.of("sms cmd-4 1/1 SENT null", "result cmd-4 true null"), reports.lines);

        SmsStatusReceiver.handle(context, reported(sent.getDeliveryIntent(), 0x46), Activity.RESULT_OK, reports);
        assertEquals("sms cmd-4 1/1 FAILED NOT_DELIVERED_70", reports.lines.get(2));
    }

    @Test
    public void aDeliveryNoticeWithoutAReadableStatusReportTellsNothing() {
        ShadowSubscriptionManager.setDefaultSmsSubscriptionId(11);
        telephony.sendSms("cmd-5", "+21650000002", "Bonjour", null);
        ShadowSmsManager.TextSmsParams sent = shadowOf(manager).getLastSentTextMessageParams();

        SmsStatusReceiver.handle(context, fired(sent.getDeliveryIntent()), Activity.RESULT_OK, reports);

        assertEquals(List.of(), reports.lines);
    }

    @Test
    public void aSimSlotWithoutACardFailsTheCommandWithoutSending() {
        telephony.sendSms("cmd-3", "+21650000004", "Bonjour", 5);

        assertEquals(List.of(), subscriptionsAsked);
        assertEquals(List.of("result cmd-3 false NO_SIM_IN_SLOT_5"), reports.lines);
    }

    @Test
    public void aCallGoesOutOnTheAccountOfTheSubscriptionInTheSlotWhateverTelecomsOrder() {
        PhoneAccountHandle secondSim = simAccount("89216010000000000012", 12);
        PhoneAccountHandle firstSim = simAccount("89216010000000000011", 11);

        telephony.call("cmd-6", "+21650000002", 0);
        telephony.call("cmd-7", "+21650000002", 1);

        List<ShadowTelecomManager.OutgoingCallRecord> placed =
                shadowOf(telecom()).getAllOutgoingCalls();
        assertEquals(firstSim, placed.get(0).extras.getParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE));
        assertEquals(secondSim, placed.get(1).extras.getParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE));
        assertEquals(List.of("result cmd-6 true null", "result cmd-7 true null"), reports.lines);
    }

    @Test
    public void withoutTelephonysWordAnAccountIsKnownByTheIccIdOfItsSim() {
        shadowOf(context.getSystemService(SubscriptionManager.class))
                .setActiveSubscriptionInfos(
                        SubscriptionInfoBuilder.newBuilder()
                                .setId(11)
                                .setSimSlotIndex(0)
                                .setIccId("8921601000000000011F")
                                .buildSubscriptionInfo(),
                        SubscriptionInfoBuilder.newBuilder()
                                .setId(12)
                                .setSimSlotIndex(1)
                                .setIccId("8921601000000000012")
                                .buildSubscriptionInfo());
        PhoneAccountHandle secondSim = simAccount("8921601000000000012", SubscriptionManager.INVALID_SUBSCRIPTION_ID);
        PhoneAccountHandle firstSim = simAccount("8921601000000000011", SubscriptionManager.INVALID_SUBSCRIPTION_ID);

        telephony.call("cmd-8", "+21650000002", 0);
        telephony.call("cmd-9", "+21650000002", 1);

        List<ShadowTelecomManager.OutgoingCallRecord> placed =
                shadowOf(telecom()).getAllOutgoingCalls();
        assertEquals(firstSim, placed.get(0).extras.getParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE));
        assertEquals(secondSim, placed.get(1).extras.getParcelable(TelecomManager.EXTRA_PHONE_ACCOUNT_HANDLE));
    }

    @Test
    public void aCallOnASimWithoutAnAccountOrInAnEmptySlotIsNotPlacedFromAnotherLine() {
        simAccount("89216010000000000011", 11);

        telephony.call("cmd-10", "+21650000002", 1);
        telephony.call("cmd-11", "+21650000002", 5);

        assertEquals(
                List.of("result cmd-10 false NO_PHONE_ACCOUNT_FOR_SIM_1", "result cmd-11 false NO_SIM_IN_SLOT_5"),
                reports.lines);
        assertEquals(List.of(), shadowOf(telecom()).getAllOutgoingCalls());
    }

    @Test
    public void handleIdsAreMatchedAsTelephonyBuildsThem() {
        assertTrue(AndroidTelephony.isAccountOf("89216010000000000011", 11, "89216010000000000011"));
        assertTrue(AndroidTelephony.isAccountOf("89216010000000000011", 11, "89216010000000000011F"));
        assertTrue(AndroidTelephony.isAccountOf("11", 11, ""));
        assertFalse(AndroidTelephony.isAccountOf("89216010000000000012", 11, "89216010000000000011"));
        assertFalse(AndroidTelephony.isAccountOf("89216010000000000012", 11, ""));
        assertFalse(AndroidTelephony.isAccountOf("", 11, ""));
    }

    private TelecomManager telecom() {
        return context.getSystemService(TelecomManager.class);
    }

    /** A SIM's account registered with Telecom, and the subscription TelephonyManager gives for it. */
    private PhoneAccountHandle simAccount(String id, int subscription) {
        PhoneAccountHandle handle = new PhoneAccountHandle(
                new ComponentName("com.android.phone", "com.android.services.telephony.TelephonyConnectionService"),
                id);
        telecom()
                .registerPhoneAccount(PhoneAccount.builder(handle, "SIM " + id)
                        .setCapabilities(
                                PhoneAccount.CAPABILITY_CALL_PROVIDER | PhoneAccount.CAPABILITY_SIM_SUBSCRIPTION)
                        .setIsEnabled(true)
                        .build());
        shadowOf(context.getSystemService(TelephonyManager.class))
                .setPhoneAccountHandleSubscriptionId(handle, subscription);
        return handle;
    }

    private static Intent fired(PendingIntent pending) {
        return shadowOf(pending).getSavedIntent();
    }

    /** The delivery intent as Android fires it, with the network's status report for the part. */
    private static Intent reported(PendingIntent pending, int tpStatus) {
        return new Intent(fired(pending))
                .putExtra("pdu", statusReport(tpStatus))
                .putExtra("format", "3gpp");
    }

    /**
     * A 3GPP TS 23.040 SMS-STATUS-REPORT as the radio hands it over: no service centre address, the first octet
     * (TP-MTI 10), TP-MR, the recipient +21650000002 in semi-octets, the service centre and discharge time stamps
     * (2026-11-21 08:00), then TP-Status.
     */
    private static byte[] statusReport(int tpStatus) {
        return new byte[] {
            0x00,
            0x06,
            0x2A,
            0x0B,
            (byte) 0x91,
            0x12,
            0x56,
            0x00,
            0x00,
            0x00,
            (byte) 0xF2,
            0x62,
            0x11,
            0x12,
            (byte) 0x80,
            0x00,
            0x00,
            0x00,
            0x62,
            0x11,
            0x12,
            (byte) 0x80,
            0x00,
            0x00,
            0x00,
            (byte) tpStatus
        };
    }
}
