package org.switchboard.companion;

import android.net.Uri;
import android.telecom.Call;
import android.telecom.DisconnectCause;
import android.telecom.InCallService;
import java.util.HashMap;
import java.util.Map;
import org.switchboard.companion.core.Reports;

/**
 * Bound by Android while the app is the default phone app: every call, incoming or outgoing, passes through here,
 * which is how the server's answer, reject, hang-up and tones reach it reliably on Android 10+.
 */
public final class CompanionInCallService extends InCallService {

    private final Map<Call, Reports.CallState> reported = new HashMap<>();
    private final Map<Call, Reports.CallDirection> directions = new HashMap<>();
    private final Map<Call, String> commands = new HashMap<>();

    private final Call.Callback callback = new Call.Callback() {
        @Override
        public void onStateChanged(Call call, int state) {
            report(call);
        }
    };

    @Override
    @SuppressWarnings("deprecation") // Call.getState(): Details.getState() needs API 31
    public void onCallAdded(Call call) {
        CallRegistry.serving(this);
        CallRegistry.add(call);
        Reports.CallDirection direction =
                call.getState() == Call.STATE_RINGING ? Reports.CallDirection.INCOMING : Reports.CallDirection.OUTGOING;
        directions.put(call, direction);
        if (direction == Reports.CallDirection.OUTGOING) {
            String command = CallRegistry.takeOutgoingCommand(number(call));
            if (command != null) {
                commands.put(call, command);
            }
        }
        call.registerCallback(callback);
        report(call);
    }

    @Override
    public void onCallRemoved(Call call) {
        call.unregisterCallback(callback);
        if (reported.get(call) != Reports.CallState.ENDED) {
            send(call, Reports.CallState.ENDED);
        }
        CallRegistry.remove(call);
        if (CallRegistry.isEmpty()) {
            CallRegistry.serving(null);
        }
        reported.remove(call);
        directions.remove(call);
        commands.remove(call);
    }

    @SuppressWarnings("deprecation")
    private void report(Call call) {
        Reports.CallState state = stateOf(call.getState());
        if (state != null && state != reported.get(call)) {
            send(call, state);
        }
    }

    private void send(Call call, Reports.CallState state) {
        reported.put(call, state);
        Reports reports = CompanionService.reports(this);
        String id = CallRegistry.idOf(call);
        if (reports != null && id != null) {
            reports.callState(
                    id,
                    state,
                    directions.get(call),
                    number(call),
                    commands.get(call),
                    state == Reports.CallState.ENDED ? reason(call) : null,
                    null);
        }
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
