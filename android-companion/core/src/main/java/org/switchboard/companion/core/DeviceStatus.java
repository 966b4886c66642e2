package org.switchboard.companion.core;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the phone says about itself in {@code hello} and {@code status}; a null field is left out (unknown). */
public final class DeviceStatus {

    /** One SIM card: its slot and, when the phone knows them, its carrier and number. */
    public static final class Sim {
        public final int slot;
        public final String carrier;
        public final String number;

        public Sim(int slot, String carrier, String number) {
            this.slot = slot;
            this.carrier = carrier;
            this.number = number;
        }
    }

    public final Integer batteryLevel;
    public final Boolean charging;
    public final Integer signal;
    public final List<Sim> sims;

    public DeviceStatus(Integer batteryLevel, Boolean charging, Integer signal, List<Sim> sims) {
        this.batteryLevel = batteryLevel;
        this.charging = charging;
        this.signal = signal;
        this.sims = sims == null ? null : Collections.unmodifiableList(new ArrayList<>(sims));
    }

    /** Adds the protocol's {@code battery}, {@code signal} and {@code sims} fields to a frame's data. */
    public void writeTo(JsonObject data) {
        if (batteryLevel != null || charging != null) {
            JsonObject battery = new JsonObject();
            if (batteryLevel != null) {
                battery.addProperty("level", Math.max(0, Math.min(100, batteryLevel)));
            }
            if (charging != null) {
                battery.addProperty("charging", charging);
            }
            data.add("battery", battery);
        }
        if (signal != null) {
            data.addProperty("signal", Math.max(0, Math.min(4, signal)));
        }
        if (sims != null) {
            JsonArray array = new JsonArray();
            for (Sim sim : sims) {
                JsonObject card = new JsonObject();
                card.addProperty("slot", sim.slot);
                if (sim.carrier != null) {
                    card.addProperty("carrier", sim.carrier);
                }
                if (sim.number != null) {
                    card.addProperty("number", sim.number);
                }
                array.add(card);
            }
            data.add("sims", array);
        }
    }
}
