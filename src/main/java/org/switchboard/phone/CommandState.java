package org.switchboard.phone;

/** Where a {@link PhoneCommand} stands. */
public enum CommandState {
    /** Stored; sent on each connection of its phone until acknowledged. */
    QUEUED,
    /** The phone has it and will report the outcome. */
    ACKNOWLEDGED,
    SUCCEEDED,
    /** The phone tried and reported why it failed. */
    FAILED,
    /** Not acknowledged before its deadline, so never carried out. */
    EXPIRED,
    /** Withdrawn by the feature that sent it before the phone acknowledged it. */
    CANCELLED,
    /** The phone's protocol cannot express it (a seed-style phone asked to hang up or send tones). */
    UNSUPPORTED;

    boolean isFinal() {
        return this != QUEUED && this != ACKNOWLEDGED;
    }
}
