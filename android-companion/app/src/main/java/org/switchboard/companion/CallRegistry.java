package org.switchboard.companion;

import android.telecom.Call;
import android.telecom.InCallService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The calls the InCallService holds, under the ids the protocol reports them with. */
final class CallRegistry {

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();
    private static final Map<String, String> OUTGOING_COMMANDS = new LinkedHashMap<>();
    private static final AtomicLong NUMBERS = new AtomicLong();
    private static InCallService service;

    private CallRegistry() {}

    static synchronized String add(Call call) {
        String id = "c-" + NUMBERS.incrementAndGet() + "-" + Long.toString(System.currentTimeMillis(), 36);
        CALLS.put(id, call);
        return id;
    }

    static synchronized String idOf(Call call) {
        for (Map.Entry<String, Call> entry : CALLS.entrySet()) {
            if (entry.getValue() == call) {
                return entry.getKey();
            }
        }
        return null;
    }

    static synchronized void remove(Call call) {
        CALLS.values().remove(call);
    }

    /** The in-call service Android has bound while there are calls: what mutes the microphone. */
    static synchronized void serving(InCallService inCallService) {
        service = inCallService;
    }

    static synchronized InCallService service() {
        return service;
    }

    static synchronized boolean isEmpty() {
        return CALLS.isEmpty();
    }

    /**
     * The named call, or without a name the latest call in the wanted state ({@code -1}: any state).
     *
     * @return null when there is none
     */
    @SuppressWarnings("deprecation") // Call.getState(): its replacement, Details.getState(), needs API 31
    static synchronized Call find(String id, int wantedState) {
        if (id != null) {
            Call call = CALLS.get(id);
            return call != null && (wantedState < 0 || call.getState() == wantedState) ? call : null;
        }
        Call found = null;
        for (Call call : CALLS.values()) {
            if (wantedState < 0 || call.getState() == wantedState) {
                found = call;
            }
        }
        return found;
    }

    /** A {@code call} command is placing a call to this number: its report will name the command. */
    static synchronized void expectOutgoing(String number, String commandId) {
        OUTGOING_COMMANDS.put(digits(number), commandId);
    }

    static synchronized String takeOutgoingCommand(String number) {
        return number == null ? null : OUTGOING_COMMANDS.remove(digits(number));
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9+*#]", "");
    }

    static synchronized void clear() {
        CALLS.clear();
        OUTGOING_COMMANDS.clear();
    }
}
