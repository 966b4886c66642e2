package org.switchboard.phone;

import java.util.List;

/**
 * What a phone says about itself, in a {@code hello} or a {@code status} frame (or a seed phone's
 * {@code phone_status}). A null field was not reported and leaves the stored value as it was.
 */
public record DeviceStatus(
        String appVersion,
        String androidVersion,
        String model,
        Integer batteryLevel,
        Boolean charging,
        Integer signalLevel,
        Boolean lineUp,
        List<Sim> sims) {

    static DeviceStatus line(boolean up) {
        return new DeviceStatus(null, null, null, null, null, null, up, null);
    }
}
