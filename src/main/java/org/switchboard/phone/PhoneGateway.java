package org.switchboard.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.platform.InvalidInputException;
import org.switchboard.platform.JsonBuilders;

/**
 * What the other features use to make a phone do something. A command is stored first (in the caller's transaction),
 * then sent once that transaction commits if the phone is connected, or when it next connects. Its outcome comes back
 * as a {@link CommandCompleted} event; everything else the phones report comes as the events of this package
 * ({@link SmsPartReported}, {@link SmsReceived}, {@link CallReported} …).
 */
@ApplicationScoped
public class PhoneGateway {

    /** A call not placed within this time is dropped rather than dialled late. */
    static final Duration CALL_DEADLINE = Duration.ofMinutes(2);
    /** Answering, rejecting, hanging up and tones make sense only while the call is still there. */
    static final Duration CALL_CONTROL_DEADLINE = Duration.ofSeconds(30);

    static final int MAX_SMS_TEXT = 5_000;
    private static final int MAX_NUMBER = 32;
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,31}");
    private static final Pattern DTMF_DIGITS = Pattern.compile("[0-9*#A-D,]{1,64}");

    @Inject
    private PhoneCommands commands;

    @Inject
    private PhoneRegistry registry;

    @Inject
    private Event<OutgoingCommand> queued;

    /**
     * Sends one SMS to one number.
     *
     * @param reference the caller's name for it (e.g. the message's id), given back with every report about it
     * @param simSlot the SIM slot to send from (0-based), or null for the phone's default
     * @return the command's id, which the phone's reports refer to
     */
    @Transactional
    public String sendSms(String actor, long deviceId, String reference, String to, String text, Integer simSlot) {
        return queue(actor, deviceId, CommandAction.SEND_SMS, smsPayload(to, text, simSlot), reference, null);
    }

    /**
     * Sends an SMS that was handed to a phone before and taken back: to the same phone, it goes again under the
     * command id that phone was given, so that a phone which sent it but whose acknowledgement was lost does not send it
     * twice (docs/protocol.md, §4).
     */
    @Transactional
    public String sendSmsAgain(String actor, long deviceId, String reference, String to, String text, Integer simSlot) {
        OutgoingCommand command = commands.queueAgain(
                actor,
                deviceId,
                CommandAction.SEND_SMS,
                smsPayload(to, text, simSlot).build(),
                reference);
        queued.fire(command);
        return command.commandId();
    }

    @Transactional
    public String call(String actor, long deviceId, String reference, String to, Integer simSlot) {
        JsonObjectBuilder payload = JsonBuilders.object().add("to", number(to));
        return queue(actor, deviceId, CommandAction.CALL, withSim(payload, simSlot), reference, CALL_DEADLINE);
    }

    /** @param callId the phone's id of the call, or null for the one ringing */
    @Transactional
    public String answer(String actor, long deviceId, String callId) {
        return callControl(actor, deviceId, CommandAction.ANSWER, callId, JsonBuilders.object());
    }

    @Transactional
    public String reject(String actor, long deviceId, String callId) {
        return callControl(actor, deviceId, CommandAction.REJECT, callId, JsonBuilders.object());
    }

    @Transactional
    public String hangUp(String actor, long deviceId, String callId) {
        return callControl(actor, deviceId, CommandAction.HANG_UP, callId, JsonBuilders.object());
    }

    @Transactional
    public String dtmf(String actor, long deviceId, String callId, String digits) {
        if (digits == null || !DTMF_DIGITS.matcher(digits).matches()) {
            throw new InvalidInputException("digits", "error.phone.dtmf");
        }
        return callControl(
                actor,
                deviceId,
                CommandAction.DTMF,
                callId,
                JsonBuilders.object().add("digits", digits));
    }

    /** Turns the phone's microphone off ({@code muted}) or on again for the call. */
    @Transactional
    public String mute(String actor, long deviceId, String callId, boolean muted) {
        return callControl(
                actor,
                deviceId,
                CommandAction.MUTE,
                callId,
                JsonBuilders.object().add("muted", muted));
    }

    /**
     * Withdraws a command the phone has not acknowledged yet.
     *
     * @return false if the phone already has it (or it had already ended)
     */
    @Transactional
    public boolean cancel(String commandId) {
        return commands.cancel(commandId);
    }

    public boolean isConnected(long deviceId) {
        return registry.isConnected(deviceId);
    }

    /** The phones connected now that have said which protocol they speak, so can take commands at once. */
    public List<Long> readyPhones() {
        return registry.connections().stream()
                .filter(PhoneConnection::isReady)
                .map(PhoneConnection::deviceId)
                .sorted()
                .toList();
    }

    void sendWhenCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingCommand command) {
        registry.connection(command.deviceId())
                .filter(PhoneConnection::isReady)
                .ifPresent(connection -> deliver(connection, command));
    }

    /** Sends everything the phone has not acknowledged: called once it has said which protocol it speaks. */
    void sendWaiting(PhoneConnection connection) {
        commands.waiting(connection.deviceId()).forEach(command -> deliver(connection, command));
    }

    private void deliver(PhoneConnection connection, OutgoingCommand command) {
        if (!connection.markDelivered(command.commandId())) {
            return;
        }
        if (connection.protocol() == PhoneProtocol.V1) {
            connection.send(CommandFrames.v1(command));
            return;
        }
        CommandFrames.seed(command)
                .ifPresentOrElse(
                        frame -> connection.send(
                                frame, () -> commands.deliveredWithoutAcknowledgement(command.commandId())),
                        () -> commands.unsupported(command.commandId()));
    }

    private String callControl(
            String actor, long deviceId, CommandAction action, String callId, JsonObjectBuilder payload) {
        if (callId != null) {
            payload.add("call", callId);
        }
        return queue(actor, deviceId, action, payload, callId, CALL_CONTROL_DEADLINE);
    }

    private String queue(
            String actor,
            long deviceId,
            CommandAction action,
            JsonObjectBuilder payload,
            String reference,
            Duration deadline) {
        OutgoingCommand command = commands.queue(actor, deviceId, action, payload.build(), reference, deadline);
        queued.fire(command);
        return command.commandId();
    }

    private static JsonObjectBuilder smsPayload(String to, String text, Integer simSlot) {
        if (text == null || text.isEmpty() || text.length() > MAX_SMS_TEXT) {
            throw new InvalidInputException("text", "error.phone.smsText", MAX_SMS_TEXT);
        }
        return withSim(JsonBuilders.object().add("to", number(to)).add("text", text), simSlot);
    }

    private static JsonObjectBuilder withSim(JsonObjectBuilder payload, Integer simSlot) {
        if (simSlot != null) {
            if (simSlot < 0 || simSlot > 7) {
                throw new InvalidInputException("sim", "error.phone.sim");
            }
            payload.add("sim", simSlot);
        }
        return payload;
    }

    private static String number(String number) {
        String stripped = number == null ? "" : number.strip();
        if (stripped.length() > MAX_NUMBER || !NUMBER.matcher(stripped).matches()) {
            throw new InvalidInputException("to", "error.phone.number", number);
        }
        return stripped;
    }
}
