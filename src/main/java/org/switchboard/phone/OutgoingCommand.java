package org.switchboard.phone;

import java.time.Instant;

/** A stored command as the connection that sends it needs it, detached from the database. */
record OutgoingCommand(long deviceId, String commandId, CommandAction action, String payload, Instant expiresAt) {

    static OutgoingCommand of(PhoneCommand command) {
        return new OutgoingCommand(
                command.getDeviceId(),
                command.getCommandId(),
                command.getAction(),
                command.getPayload(),
                command.getExpiresAt());
    }
}
