package org.switchboard.companion;

import android.telecom.Call;
import android.telecom.InCallService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.switchboard.companion.core.Reports;
import org.switchboard.companion.core.calls.OutgoingCallCommands;

/**
 * The calls the in-call service holds, under the ids the protocol reports them with, and what the server was told of
 * each. Owned by the application rather than the service: when Android unbinds the service during a call and binds a
 * new instance, that instance gets new Call objects for the same calls, which are recognised by their creation time
 * and number and keep their id, direction and command. Thread-safe.
 */
final class OngoingCalls {

    /** One call as the server knows it. */
    static final class Tracked {
        final String id;
        final Reports.CallDirection direction;
        final String commandId;
        /** as Telecom wrote it; null for a hidden caller */
        final String number;

        private final long createdAtMillis;
        /** null between an unbinding of the in-call service and the next binding */
        private Call call;

        private Reports.CallState told;

        private Tracked(
                String id,
                Reports.CallDirection direction,
                String commandId,
                long createdAtMillis,
                String number,
                Call call) {
            this.id = id;
            this.direction = direction;
            this.commandId = commandId;
            this.createdAtMillis = createdAtMillis;
            this.number = number;
            this.call = call;
        }
    }

    private final OutgoingCallCommands outgoing;
    private final List<Tracked> calls = new ArrayList<>();
    private long added;
    private InCallService service;

    OngoingCalls(OutgoingCallCommands outgoing) {
        this.outgoing = outgoing;
    }

    /** A {@code call} command is placing a call to this number: the call's reports will name the command. */
    void expectOutgoing(String number, String commandId) {
        outgoing.expect(number, commandId);
    }

    void forgetOutgoing(String commandId) {
        outgoing.forget(commandId);
    }

    /**
     * A call the in-call service was given: one it held before an unbinding, or a new one, incoming when it rings,
     * otherwise outgoing and claiming the command that placed it.
     */
    synchronized Tracked add(Call call, boolean ringing, long createdAtMillis, String number) {
        for (Tracked known : calls) {
            if (known.call == null
                    && known.createdAtMillis == createdAtMillis
                    && Objects.equals(known.number, number)) {
                known.call = call;
                return known;
            }
        }
        String id = "c-" + ++added + "-" + Long.toString(System.currentTimeMillis(), 36);
        Tracked tracked = ringing
                ? new Tracked(id, Reports.CallDirection.INCOMING, null, createdAtMillis, number, call)
                : new Tracked(id, Reports.CallDirection.OUTGOING, outgoing.take(number), createdAtMillis, number, call);
        calls.add(tracked);
        return tracked;
    }

    synchronized Tracked tracked(Call call) {
        for (Tracked tracked : calls) {
            if (tracked.call == call) {
                return tracked;
            }
        }
        return null;
    }

    /** @return the call's record, no longer tracked; null for a call that was not */
    synchronized Tracked remove(Call call) {
        Tracked tracked = tracked(call);
        calls.remove(tracked);
        if (calls.isEmpty()) {
            service = null;
        }
        return tracked;
    }

    /**
     * Remembers that the server is told the call is in this state.
     *
     * @return false when it already was, or was told the call ended: nothing new to tell
     */
    synchronized boolean tell(Tracked tracked, Reports.CallState state) {
        if (tracked.told == state || tracked.told == Reports.CallState.ENDED) {
            return false;
        }
        tracked.told = state;
        return true;
    }

    /** The in-call service Android has bound while there are calls: what mutes the microphone. */
    synchronized void serving(InCallService inCallService) {
        service = inCallService;
    }

    synchronized InCallService service() {
        return service;
    }

    /**
     * The service is being unbound: its Call objects are about to be marked disconnected by Android whether or not the
     * calls go on, so they are let go, and the records wait for the next binding.
     *
     * @return the Call objects let go
     */
    synchronized List<Call> unbound(InCallService inCallService) {
        if (service == inCallService) {
            service = null;
        }
        List<Call> released = new ArrayList<>();
        for (Tracked tracked : calls) {
            if (tracked.call != null) {
                released.add(tracked.call);
                tracked.call = null;
            }
        }
        return released;
    }

    /** @return the calls no binding has given back since they were let go, no longer tracked */
    synchronized List<Tracked> removeReleased() {
        List<Tracked> gone = new ArrayList<>();
        for (Tracked tracked : calls) {
            if (tracked.call == null) {
                gone.add(tracked);
            }
        }
        calls.removeAll(gone);
        return gone;
    }

    synchronized boolean isEmpty() {
        return calls.isEmpty();
    }

    /**
     * The named call, or without a name the latest call in the wanted state ({@code -1}: any state).
     *
     * @return null when there is none
     */
    @SuppressWarnings("deprecation") // Call.getState(): its replacement, Details.getState(), needs API 31
    synchronized Call find(String id, int wantedState) {
        Call found = null;
        for (Tracked tracked : calls) {
            boolean named = id == null || id.equals(tracked.id);
            if (named && tracked.call != null && (wantedState < 0 || tracked.call.getState() == wantedState)) {
                found = tracked.call;
            }
        }
        return found;
    }
}
