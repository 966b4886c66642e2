package org.switchboard.phone;

/**
 * A command reached its end: the phone reported success or failure, it expired unacknowledged, or the phone cannot do
 * it.
 *
 * @param reason the phone's reason for a failure, or why the server gave up; null on success
 */
public record CommandCompleted(
        long deviceId, String commandId, CommandAction action, String reference, CommandState state, String reason) {

    public boolean succeeded() {
        return state == CommandState.SUCCEEDED;
    }
}
