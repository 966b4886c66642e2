package org.switchboard.sms;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Which phone and SIM a queued message goes through: the one the sender chose, else the least loaded of the phones
 * ready now, as long as the message fits in what that SIM may still send this minute.
 */
final class Routing {

    /** A phone and SIM; {@code sim} null for the phone's default SIM. */
    record Route(long deviceId, Integer sim) {}

    private Routing() {}

    /**
     * @param used parts handed to each route in the last minute
     * @param partsPerMinute each phone's pace, per SIM; 0 for none
     */
    static Optional<Route> choose(
            SmsMessage message, List<Long> readyPhones, Map<Route, Integer> used, ToIntFunction<Long> partsPerMinute) {
        List<Long> candidates = message.getPreferredDeviceId() == null
                ? readyPhones
                : readyPhones.stream()
                        .filter(message.getPreferredDeviceId()::equals)
                        .toList();
        return candidates.stream()
                .map(device -> new Route(device, message.getPreferredSim()))
                .filter(route -> fits(
                        message.getParts(), used.getOrDefault(route, 0), partsPerMinute.applyAsInt(route.deviceId())))
                .min(Comparator.comparingInt((Route route) -> used.getOrDefault(route, 0))
                        .thenComparingLong(Route::deviceId));
    }

    /** A message longer than a whole minute's pace still goes, alone, once its SIM has been quiet for a minute. */
    static boolean fits(int parts, int usedThisMinute, int partsPerMinute) {
        return partsPerMinute <= 0 || usedThisMinute + parts <= partsPerMinute || usedThisMinute == 0;
    }
}
