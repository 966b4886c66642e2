package org.switchboard.companion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.companion.core.DeviceStatus;
import org.switchboard.companion.core.Reports;

/** What the Android adapters told the protocol client, one line each. */
final class RecordingReports implements Reports {

    final List<String> lines = new ArrayList<>();

    @Override
    public void result(String commandId, boolean ok, String reason) {
        lines.add("result " + commandId + " " + ok + " " + reason);
    }

    @Override
    public void smsPart(String commandId, int part, int parts, SmsPartState state, String reason) {
        lines.add("sms " + commandId + " " + part + "/" + parts + " " + state + " " + reason);
    }

    @Override
    public void smsReceived(String from, String text, Integer sim, Instant at) {
        lines.add("received " + from + " " + text + " sim=" + sim + " at=" + at);
    }

    @Override
    public void callState(
            String call,
            CallState state,
            CallDirection direction,
            String number,
            String commandId,
            String reason,
            Integer sim) {
        lines.add("call " + state + " " + direction + " " + number + " ref=" + commandId + " reason=" + reason);
    }

    @Override
    public void status(DeviceStatus status) {
        lines.add("status " + status.batteryLevel);
    }
}
