package org.switchboard.companion.core;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The client's state changes, in order, with a wait for the n-th time a state is reached. */
final class StateLog implements CompanionClient.Listener {

    private final List<CompanionClient.State> states = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    @Override
    public synchronized void stateChanged(CompanionClient.State state, String detail) {
        states.add(state);
        details.add(detail);
        notifyAll();
    }

    synchronized List<String> detailsOf(CompanionClient.State state) {
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i) == state) {
                matching.add(details.get(i));
            }
        }
        return matching;
    }

    synchronized void await(CompanionClient.State state, int times) throws InterruptedException {
        Instant deadline = Instant.now().plus(LocalServer.DEADLINE);
        while (detailsOf(state).size() < times) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                fail("state " + state + " not reached " + times + " time(s): " + states + " " + details);
            }
            wait(left);
        }
    }
}
