package org.switchboard.phone;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import org.switchboard.platform.JsonBuilders;

/** A stored command as a frame, in version 1 or in the seed's shapes. */
final class CommandFrames {

    private CommandFrames() {}

    /** The version-1 frame; a command with a deadline carries it, so that a phone never carries it out late. */
    static String v1(OutgoingCommand command) {
        JsonObjectBuilder data = JsonBuilders.object(payload(command));
        if (command.expiresAt() != null) {
            data.add("expiresAt", command.expiresAt().toString());
        }
        return JsonBuilders.object()
                .add("action", command.action().v1Action())
                .add("id", command.commandId())
                .add("data", data)
                .build()
                .toString();
    }

    /**
     * The seed's frame for the command: {@code Send}, {@code Call}, {@code Answer} or {@code Reject}, without id (the
     * seed had none). Empty when a seed phone cannot do it (hang up, tones).
     */
    static Optional<String> seed(OutgoingCommand command) {
        JsonObject payload = payload(command);
        var frame = JsonBuilders.object();
        switch (command.action()) {
            case SEND_SMS ->
                frame.add(
                        "data",
                        JsonBuilders.object()
                                .add("message", payload.getString("text"))
                                .add("numbers", JsonBuilders.array().add(payload.getString("to"))));
            case CALL -> frame.add("data", payload.getString("to"));
            case ANSWER, REJECT -> frame.add("data", JsonObject.EMPTY_JSON_OBJECT);
            case HANG_UP, DTMF, MUTE -> {
                return Optional.empty();
            }
        }
        return Optional.of(JsonBuilders.object()
                .add("action", command.action().seedAction())
                .addAll(frame)
                .build()
                .toString());
    }

    private static JsonObject payload(OutgoingCommand command) {
        try (var reader = JsonBuilders.reader(command.payload())) {
            return reader.readObject();
        }
    }
}
