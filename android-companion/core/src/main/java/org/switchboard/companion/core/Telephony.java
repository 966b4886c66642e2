package org.switchboard.companion.core;

/**
 * The phone's radio, as the protocol client drives it: the Android app implements it with SmsManager and Telecom, the
 * simulator with timers. Every command method must end, sooner or later and on any thread, in exactly one
 * {@link Reports#result} for its command id (and, for {@code sendSms}, one {@link Reports#smsPart} per part and
 * state). A method may throw: the client then reports the command failed with reason {@code PHONE_ERROR}.
 */
public interface Telephony {

    /** Called once before any command: where spontaneous events (incoming SMS and calls, status) are reported. */
    void start(Reports reports);

    /** @param sim the SIM slot, or null for the phone's default SIM */
    void sendSms(String commandId, String to, String text, Integer sim);

    void call(String commandId, String to, Integer sim);

    /** @param call the phone's call id from {@code call_state}, or null for the call ringing or in progress */
    void answer(String commandId, String call);

    void reject(String commandId, String call);

    void hangUp(String commandId, String call);

    void dtmf(String commandId, String call, String digits);

    /** Turns the microphone off ({@code muted}) or on again during a call. */
    void mute(String commandId, String call, boolean muted);

    DeviceStatus status();
}
