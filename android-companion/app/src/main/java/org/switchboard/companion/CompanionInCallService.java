package org.switchboard.companion;

import android.content.Context;
import android.content.Intent;
import android.net.Uri;
import android.os.Handler;
import android.os.Looper;
import android.telecom.Call;
import android.telecom.DisconnectCause;
import android.telecom.InCallService;
import java.util.List;
import org.switchboard.companion.core.Reports;

/**
 * Bound by Android while the app is the default phone app: every call, incoming or outgoing, passes through here,
 * which is how the server's answer, reject, hang-up and tones reach it reliably on Android 10+. What is known of the
 * calls lives in the application's {@link OngoingCalls}, which outlives this binding.
 */
public final class CompanionInCallService extends InCallService {

    /**
     * How long calls let go at an unbinding wait for a new binding to give them back. Android rebinds at once when it
     * rebinds at all; calls not back by then are out of the app's sight and reported ended.
     */
    static final long REBINDING_GRACE_MILLIS = 10_000;

    private final Call.Callback callback = new Call.Callback() {
        @Override
        public void onStateChanged(Call call, int state) {
            report(CompanionInCallService.this, call);
        }
    };

    @Override
    @SuppressWarnings("deprecation") // Call.getState(): Details.getState() needs API 31
    public void onCallAdded(Call call) {
        OngoingCalls calls = calls(this);
        calls.serving(this);
        Call.Details details = call.getDetails();
        calls.add(
                call,
                call.getState() == Call.STATE_RINGING,
                details == null ? 0 : details.getCreationTimeMillis(),
                number(call));
        call.registerCallback(callback);
        report(this, call);
    }

    @Override
    public void onCallRemoved(Call call) {
        call.unregisterCallback(callback);
        OngoingCalls.Tracked tracked = calls(this).remove(call);
        if (tracked != null && calls(this).tell(tracked, Reports.CallState.ENDED)) {
            send(this, tracked, Reports.CallState.ENDED, reason(call));
        }
    }

    @Override
    public boolean onUnbind(Intent intent) {
        // Android marks the calls of an unbound service disconnected even when they go on: not news for the server
        List<Call> released = calls(this).unbound(this);
        for (Call call : released) {
            call.unregisterCallback(callback);
        }
        if (!released.isEmpty()) {
            Context application = getApplicationContext();
            new Handler(Looper.getMainLooper())
                    .postDelayed(() -> endReleasedCalls(application), REBINDING_GRACE_MILLIS);
        }
        return super.onUnbind(intent);
    }

    private static void endReleasedCalls(Context context) {
        OngoingCalls calls = calls(context);
        for (OngoingCalls.Tracked gone : calls.removeReleased()) {
            if (calls.tell(gone, Reports.CallState.ENDED)) {
                send(context, gone, Reports.CallState.ENDED, null);
            }
        }
    }

    @SuppressWarnings("deprecation")
    private static void report(Context context, Call call) {
        OngoingCalls calls = calls(context);
        OngoingCalls.Tracked tracked = calls.tracked(call);
        Reports.CallState state = stateOf(call.getState());
        if (tracked != null && state != null && calls.tell(tracked, state)) {
            send(context, tracked, state, state == Reports.CallState.ENDED ? reason(call) : null);
        }
    }

    private static void send(Context context, OngoingCalls.Tracked tracked, Reports.CallState state, String reason) {
        Reports reports = CompanionService.reports(context);
        if (reports != null) {
            reports.callState(tracked.id, state, tracked.direction, tracked.number, tracked.commandId, reason, null);
        }
    }

    private static OngoingCalls calls(Context context) {
        return CompanionApplication.of(context).calls();
    }

    static Reports.CallState stateOf(int state) {
        switch (state) {
            case Call.STATE_RINGING:
                return Reports.CallState.RINGING;
            case Call.STATE_NEW:
            case Call.STATE_DIALING:
            case Call.STATE_CONNECTING:
            case Call.STATE_SELECT_PHONE_ACCOUNT:
                return Reports.CallState.DIALING;
            case Call.STATE_ACTIVE:
            case Call.STATE_HOLDING:
                return Reports.CallState.ACTIVE;
            case Call.STATE_DISCONNECTING:
            case Call.STATE_DISCONNECTED:
                return Reports.CallState.ENDED;
            default:
                return null;
        }
    }

    private static String number(Call call) {
        Call.Details details = call.getDetails();
        Uri handle = details == null ? null : details.getHandle();
        return handle == null ? null : handle.getSchemeSpecificPart();
    }

    private static String reason(Call call) {
        Call.Details details = call.getDetails();
        DisconnectCause cause = details == null ? null : details.getDisconnectCause();
        if (cause == null) {
            return null;
        }
        switch (cause.getCode()) {
            case DisconnectCause.BUSY:
                return "BUSY";
            case DisconnectCause.REJECTED:
                return "REJECTED";
            case DisconnectCause.MISSED:
                return "NO_ANSWER";
            case DisconnectCause.LOCAL:
                return "HUNG_UP";
            case DisconnectCause.REMOTE:
                return "REMOTE_HANGUP";
            case DisconnectCause.ERROR:
                return "ERROR";
            default:
                return null;
        }
    }
}
