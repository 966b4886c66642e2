package org.switchboard.sms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One part of a long SMS, as the phone last reported it. */
@Embeddable
public class SmsPart {

    public enum State {
        SENT(1),
        DELIVERED(2),
        FAILED(2);

        private final int rank;

        State(int rank) {
            this.rank = rank;
        }
    }

    @Column(name = "part_no", nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    private String reason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SmsPart() {}

    SmsPart(int number) {
        this.number = number;
    }

    /** @return false for a repeat or a report that would move the part back (sent after delivered) */
    boolean report(State reported, String why, Instant now) {
        if (state != null && reported.rank <= state.rank) {
            return false;
        }
        state = reported;
        reason = why;
        updatedAt = now;
        return true;
    }

    boolean hasLeft() {
        return state == State.SENT || state == State.DELIVERED;
    }

    public int getNumber() {
        return number;
    }

    public State getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
