package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.robolectric.Shadows.shadowOf;

import android.app.Activity;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.telephony.SmsManager;
import android.telephony.SubscriptionManager;
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

/** SMS commands through SmsManager: the right SIM, one PendingIntent per part and kind, each part's state reported. */
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
        SmsStatusReceiver.handle(context, fired(sent.getDeliveryIntents().get(0)), Activity.RESULT_OK, reports);

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
    public void aSimSlotWithoutACardFailsTheCommandWithoutSending() {
        telephony.sendSms("cmd-3", "+21650000004", "Bonjour", 5);

        assertEquals(List.of(), subscriptionsAsked);
        assertEquals(List.of("result cmd-3 false NO_SIM_IN_SLOT_5"), reports.lines);
    }

    private static Intent fired(PendingIntent pending) {
        return shadowOf(pending).getSavedIntent();
    }
}
