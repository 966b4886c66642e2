package org.switchboard.companion;

import static org.junit.Assert.assertEquals;
import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.content.Intent;
import android.net.Uri;
import android.os.Looper;
import android.telecom.Call;
import android.telecom.DisconnectCause;
import android.telecom.InCallAdapter;
import android.telecom.InCallService;
import android.telecom.ParcelableCall;
import android.telecom.Phone;
import com.android.internal.telecom.IInCallAdapter;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.util.ReflectionHelpers;
import org.robolectric.util.ReflectionHelpers.ClassParameter;
import org.switchboard.companion.core.CompanionClient;
import org.switchboard.companion.core.Frames;

/**
 * Calls through the InCallService path: Android's real Call objects, whose answer, reject and disconnect go to the
 * telecom service's binder interface, here a recorder; states reach the gateway's durable report queue.
 */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = 34)
public class InCallServiceTest {

    private static final String LINK = "switchboard://pair?server=ws%3A%2F%2F127.0.0.1%3A9%2Fws%2Fphone"
            + "&token=sbp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private final Application application = RuntimeEnvironment.getApplication();
    private final List<String> telecomRequests = new ArrayList<>();
    private CompanionInCallService service;
    private Phone phone;
    private AndroidTelephony telephony;
    private final RecordingReports results = new RecordingReports();

    @Before
    public void pairedDefaultDialer() {
        new CompanionSettings(application).pair(LINK, "secretariat-2026");
        service =
                Robolectric.buildService(CompanionInCallService.class).create().get();
        phone = newPhone();
        telephony = new AndroidTelephony(application, AndroidTelephony.SYSTEM_SMS_MANAGERS);
        telephony.start(results);
    }

    @After
    public void forget() {
        CompanionService.forget();
    }

    @Test
    public void anIncomingCallIsReportedRingingWithItsNumberThenAnsweredAndReportedActive() {
        Call call = ring("tc-1", "+21650000004");
        String id = callIdInLastReport();

        telephony.answer("cmd-answer", id);
        update("tc-1", Call.STATE_ACTIVE, "+21650000004", null);

        assertEquals(List.of("answerCall tc-1"), telecomRequests);
        assertEquals(List.of("result cmd-answer true null"), results.lines);
        assertEquals(List.of("ringing incoming +21650000004", "active incoming +21650000004"), reported());
        assertEquals(Call.STATE_ACTIVE, callState(call));
    }

    @Test
    public void aRingingCallIsRejectedAndReportedEndedWithTheReason() {
        ring("tc-2", "+21650000005");

        telephony.reject("cmd-reject", null);
        update("tc-2", Call.STATE_DISCONNECTED, "+21650000005", new DisconnectCause(DisconnectCause.REJECTED));

        assertEquals(List.of("rejectCall tc-2"), telecomRequests);
        assertEquals(List.of("result cmd-reject true null"), results.lines);
        assertEquals(List.of("ringing incoming +21650000005", "ended incoming +21650000005 REJECTED"), reported());
    }

    @Test
    public void anActiveCallIsHungUpAndTonesNeedACallInProgress() {
        ring("tc-3", "+21650000006");
        String id = callIdInLastReport();
        telephony.dtmf("cmd-early-tones", id, "12#");
        update("tc-3", Call.STATE_ACTIVE, "+21650000006", null);
        telephony.dtmf("cmd-tones", id, "1#");
        telephony.hangUp("cmd-hang-up", id);
        update("tc-3", Call.STATE_DISCONNECTED, "+21650000006", new DisconnectCause(DisconnectCause.LOCAL));

        assertEquals(List.of("playDtmfTone tc-3", "playDtmfTone tc-3", "disconnectCall tc-3"), telecomRequests);
        assertEquals(
                List.of(
                        "result cmd-early-tones false NO_CALL",
                        "result cmd-tones true null",
                        "result cmd-hang-up true null"),
                results.lines);
        assertEquals(
                List.of(
                        "ringing incoming +21650000006",
                        "active incoming +21650000006",
                        "ended incoming +21650000006 HUNG_UP"),
                reported());
    }

    @Test
    public void theMicrophoneIsMutedAndUnmutedOnlyDuringACall() {
        // Android sets the service's Phone as it binds the service; Robolectric does not bind it.
        ReflectionHelpers.setField(service, "mPhone", phone);
        ring("tc-4", "+21650000007");
        String id = callIdInLastReport();
        telephony.mute("cmd-early-mute", id, true);
        update("tc-4", Call.STATE_ACTIVE, "+21650000007", null);
        telephony.mute("cmd-mute", id, true);
        telephony.mute("cmd-unmute", id, false);

        assertEquals(List.of("mute true", "mute false"), telecomRequests);
        assertEquals(
                List.of(
                        "result cmd-early-mute false NO_CALL",
                        "result cmd-mute true null",
                        "result cmd-unmute true null"),
                results.lines);
    }

    @Test
    public void withoutACallTheControlsFailAsNoCall() {
        telephony.answer("cmd-1", "c-unknown");
        telephony.hangUp("cmd-2", "c-unknown");

        assertEquals(List.of("result cmd-1 false NO_CALL", "result cmd-2 false NO_CALL"), results.lines);
        assertEquals(List.of(), telecomRequests);
    }

    @Test
    public void anOutgoingCallTelecomWritesAnotherWayNamesTheCommandThatPlacedIt() {
        shadowOf(application).grantPermissions(Manifest.permission.CALL_PHONE);
        telephony.call("cmd-call", "+21620123456", null);

        add(service, phone, "tc-5", Call.STATE_DIALING, "20 123 456");
        update("tc-5", Call.STATE_ACTIVE, "20 123 456", null);

        assertEquals(
                List.of("dialing outgoing 20 123 456 ref=cmd-call", "active outgoing 20 123 456 ref=cmd-call"),
                reported());
    }

    @Test
    public void aCallKeepsItsIdDirectionAndStateWhenAndroidBindsANewService() {
        ReflectionHelpers.setField(service, "mPhone", phone);
        ring("tc-6", "+21650000008");
        String id = callIdInLastReport();
        update("tc-6", Call.STATE_ACTIVE, "+21650000008", null);

        service.onUnbind(new Intent());
        idle();
        CompanionInCallService rebound =
                Robolectric.buildService(CompanionInCallService.class).create().get();
        Phone newPhone = newPhone();
        add(rebound, newPhone, "tc-6", Call.STATE_ACTIVE, "+21650000008");
        telephony.hangUp("cmd-hang-up", id);
        update(newPhone, "tc-6", Call.STATE_DISCONNECTED, "+21650000008", new DisconnectCause(DisconnectCause.LOCAL));
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(CompanionInCallService.REBINDING_GRACE_MILLIS));

        assertEquals(List.of("disconnectCall tc-6"), telecomRequests);
        assertEquals(List.of("result cmd-hang-up true null"), results.lines);
        assertEquals(
                List.of(
                        "ringing incoming +21650000008",
                        "active incoming +21650000008",
                        "ended incoming +21650000008 HUNG_UP"),
                reported());
    }

    @Test
    public void callsNoNewServiceGivesBackAreReportedEnded() {
        ReflectionHelpers.setField(service, "mPhone", phone);
        ring("tc-7", "+21650000009");

        service.onUnbind(new Intent());
        idle();
        assertEquals(List.of("ringing incoming +21650000009"), reported());

        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(CompanionInCallService.REBINDING_GRACE_MILLIS));
        assertEquals(List.of("ringing incoming +21650000009", "ended incoming +21650000009"), reported());
    }

    /** Android's Phone for a binding of the in-call service, whose requests to Telecom are recorded. */
    private Phone newPhone() {
        IInCallAdapter telecom = (IInCallAdapter) Proxy.newProxyInstance(
                IInCallAdapter.class.getClassLoader(), new Class<?>[] {IInCallAdapter.class}, (proxy, method, args) -> {
                    if (method.getName().endsWith("Call")
                            || method.getName().equals("playDtmfTone")
                            || method.getName().equals("mute")) {
                        telecomRequests.add(method.getName() + " " + args[0]);
                    }
                    return null;
                });
        return ReflectionHelpers.callConstructor(
                Phone.class,
                ClassParameter.from(InCallAdapter.class, new InCallAdapter(telecom)),
                ClassParameter.from(String.class, application.getPackageName()),
                ClassParameter.from(int.class, 34));
    }

    private Call ring(String telecomId, String number) {
        return add(service, phone, telecomId, Call.STATE_RINGING, number);
    }

    private static Call add(InCallService to, Phone through, String telecomId, int state, String number) {
        ReflectionHelpers.callInstanceMethod(
                through,
                "internalAddCall",
                ClassParameter.from(ParcelableCall.class, parcel(telecomId, state, number, null)));
        Call call = through.getCalls().get(through.getCalls().size() - 1);
        to.onCallAdded(call);
        idle();
        return call;
    }

    private void update(String telecomId, int state, String number, DisconnectCause cause) {
        update(phone, telecomId, state, number, cause);
    }

    private static void update(Phone through, String telecomId, int state, String number, DisconnectCause cause) {
        ReflectionHelpers.callInstanceMethod(
                through,
                "internalUpdateCall",
                ClassParameter.from(ParcelableCall.class, parcel(telecomId, state, number, cause)));
        idle();
    }

    private static ParcelableCall parcel(String telecomId, int state, String number, DisconnectCause cause) {
        return new ParcelableCall.ParcelableCallBuilder()
                .setId(telecomId)
                .setState(state)
                .setHandle(Uri.fromParts("tel", number, null))
                .setDisconnectCause(cause == null ? new DisconnectCause(DisconnectCause.UNKNOWN) : cause)
                .setCallDirection(Call.Details.DIRECTION_INCOMING)
                .setChildCallIds(new ArrayList<>())
                .setConferenceableCallIds(new ArrayList<>())
                .setCannedSmsResponses(new ArrayList<>())
                .createParcelableCall();
    }

    @SuppressWarnings("deprecation")
    private static int callState(Call call) {
        return call.getState();
    }

    private static void idle() {
        shadowOf(Looper.getMainLooper()).idle();
    }

    /** The call reports waiting in the gateway's durable queue: {@code state direction number [reason] [ref=command]}. */
    private List<String> reported() {
        List<String> calls = new ArrayList<>();
        CompanionClient client = CompanionService.client(application);
        for (String text : client.pendingReportFrames()) {
            Frames.Frame frame = Frames.parse(text);
            if (frame.action().equals("call_state")) {
                String reason = frame.text("reason");
                String command = frame.text("ref");
                calls.add(frame.text("state") + " " + frame.text("direction") + " " + frame.text("number")
                        + (reason == null ? "" : " " + reason)
                        + (command == null ? "" : " ref=" + command));
            }
        }
        return calls;
    }

    private String callIdInLastReport() {
        List<String> frames = CompanionService.client(application).pendingReportFrames();
        return Frames.parse(frames.get(frames.size() - 1)).text("call");
    }
}
