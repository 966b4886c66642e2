package org.switchboard.phone;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A SIM in one of a phone's slots, as the phone reported it. The number is often unknown to the phone itself. */
@Embeddable
public class Sim {

    @Column(nullable = false)
    private int slot;

    private String carrier;

    private String number;

    protected Sim() {}

    public Sim(int slot, String carrier, String number) {
        this.slot = slot;
        this.carrier = carrier;
        this.number = number;
    }

    public int getSlot() {
        return slot;
    }

    public String getCarrier() {
        return carrier;
    }

    public String getNumber() {
        return number;
    }
}
