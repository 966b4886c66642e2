package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/** A phone retrying with a wrong token fills neither the audit trail nor the database. */
@ContainerTest
class PhoneRefusalsIT {

    private static final int WINDOW_SECONDS = 10;
    private static final String UNKNOWN = "- DENIED unknown token";

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Windows close at a heartbeat tick, every second in the tests (it.phone.options in pom.xml).
        return Deployments.withSettings(
                Deployments.switchboard(), "switchboard.phone.refused-audit-seconds=" + WINDOW_SECONDS);
    }

    @ArquillianResource
    private URL base;

    @Test
    void aReconnectLoopWithAnUnknownTokenIsAuditedOnceAWindowWithTheCount() {
        Fixtures fixtures = new Fixtures(base);
        int attempts = 30;
        Instant start = Instant.now();

        for (int i = 0; i < attempts; i++) {
            try (TestPhone phone = TestPhone.connect(base, "sbp_wrong-" + i)) {
                assertEquals(new TestPhone.Closed(4401, "unknown token"), phone.awaitClose());
            }
        }
        long windows = Duration.between(start, Instant.now()).toSeconds() / WINDOW_SECONDS + 1;

        List<String> rows;
        try (TestPhone heartbeats =
                TestPhone.connect(base, fixtures.phone("beat").token())) {
            heartbeats.hello();
            rows = awaitRefusalsCounted(fixtures, heartbeats, attempts);
        }
        assertTrue(
                rows.size() <= 2 * windows,
                attempts + " refusals in " + windows + " window(s) make at most two rows each: " + rows);
    }

    /**
     * The audit rows of unknown tokens, once they count every refusal: one each, or the number a summary names. Read
     * again at each heartbeat, the tick that closes the windows, which the connected phone hears as a ping.
     */
    private static List<String> awaitRefusalsCounted(Fixtures fixtures, TestPhone heartbeats, int attempts) {
        Instant deadline = Instant.now().plusSeconds(WINDOW_SECONDS + 30);
        while (true) {
            List<String> rows = Arrays.stream(
                            fixtures.audit("PHONE_CONNECTION_REFUSED").split("\n"))
                    .filter(row -> row.startsWith(UNKNOWN))
                    .toList();
            long counted = rows.stream()
                    .mapToLong(row -> row.equals(UNKNOWN)
                            ? 1
                            : Long.parseLong(row.substring(UNKNOWN.length() + 2).split(" ")[0]))
                    .sum();
            if (counted == attempts) {
                return rows;
            }
            assertTrue(counted < attempts, "refusals counted twice: " + rows);
            assertTrue(Instant.now().isBefore(deadline), "only " + counted + " refusals audited: " + rows);
            heartbeats.next(TestPhone.DEADLINE);
        }
    }
}
