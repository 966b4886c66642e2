package org.switchboard.sms;

/**
 * Where an SMS to one recipient stands. The only rule for moving between states is {@link #canMoveTo}: a message
 * moves forward along queued → dispatched → sent to phone → sent → delivered, or ends as failed, expired or cancelled;
 * it goes back to queued only from the two states in which the phone has not carried it out yet.
 */
public enum MessageState {
    /** Waiting for its time, a connected phone or room in a phone's pace. */
    QUEUED(0),
    /** Handed to a phone's command queue; the phone has not acknowledged it yet. */
    DISPATCHED(1),
    /** The phone has it and is sending it. */
    SENT_TO_PHONE(2),
    /** Every part left the phone. */
    SENT(3),
    /** Every part reached the recipient's handset. */
    DELIVERED(4),
    FAILED(5),
    /** Not sent within its time to live. */
    EXPIRED(5),
    CANCELLED(5);

    private final int rank;

    MessageState(int rank) {
        this.rank = rank;
    }

    public boolean isFinal() {
        return rank == 5 || this == DELIVERED;
    }

    /**
     * Whether a message in this state may take the next one. Reports arrive late, twice or out of order: a "sent"
     * after "delivered" does not move it back, and nothing moves a finished message.
     */
    public boolean canMoveTo(MessageState next) {
        if (isFinal() || next == this) {
            return false;
        }
        if (next == QUEUED) {
            return this == DISPATCHED || this == SENT_TO_PHONE;
        }
        return next.rank > rank;
    }
}
