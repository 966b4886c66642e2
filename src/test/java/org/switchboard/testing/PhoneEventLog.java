package org.switchboard.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.phone.CallReported;
import org.switchboard.phone.CommandCompleted;
import org.switchboard.phone.PhoneConnected;
import org.switchboard.phone.PhoneDisconnected;
import org.switchboard.phone.PhoneStatusChanged;
import org.switchboard.phone.SmsPartReported;
import org.switchboard.phone.SmsReceived;
import org.switchboard.phone.SmsSentFromPhone;

/**
 * Test-only: an observer of everything the phone gateway reports, standing in for the features that will observe it,
 * so that client-side tests can check which events a phone's frames produced ({@link FixtureServlet}).
 */
@ApplicationScoped
public class PhoneEventLog {

    private final List<String> events = new ArrayList<>();

    void connected(@Observes PhoneConnected event) {
        add(event);
    }

    void disconnected(@Observes PhoneDisconnected event) {
        add(event);
    }

    void status(@Observes PhoneStatusChanged event) {
        add(event);
    }

    void call(@Observes CallReported event) {
        add(event);
    }

    void smsPart(@Observes SmsPartReported event) {
        add(event);
    }

    void smsReceived(@Observes SmsReceived event) {
        add(event);
    }

    void smsSent(@Observes SmsSentFromPhone event) {
        add(event);
    }

    void completed(@Observes CommandCompleted event) {
        add(event);
    }

    private synchronized void add(Object event) {
        events.add(event.toString());
        notifyAll();
    }

    /**
     * Waits until one of the phone's events contains the text, or the time is up.
     *
     * @return the phone's events at that moment
     */
    public synchronized List<String> await(long deviceId, String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (of(deviceId).stream().noneMatch(e -> e.contains(text))) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return of(deviceId);
    }

    /** The events of one phone, oldest first. */
    public synchronized List<String> of(long deviceId) {
        String marker = "deviceId=" + deviceId + ",";
        return events.stream().filter(e -> e.contains(marker)).toList();
    }
}
