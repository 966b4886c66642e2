package org.switchboard.benchmark;

import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.switchboard.testing.Browser;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * From a phone's "ringing" report to the pop-up painted in a real headless Chromium, for a caller in the directory
 * with an invoice: the report, the caller lookup, the push, the page's request for its panels and their rendering.
 * 50 calls after 20 for warm-up, one at a time; prints p50 / p90 / p99 / max of the push reaching the page, the
 * panel entering it and the panel painted, and writes them to
 * {@code target/benchmark/incoming-call.txt}. Run with
 * {@code ./mvnw verify -Pbenchmark -Dit.test=IncomingCallBenchmark}; it measures, it does not judge.
 */
@ContainerTest
@Tag("benchmark")
class IncomingCallBenchmark {

    private static final int WARM_UP = 20;
    private static final int CALLS = 50;

    /**
     * Notes when each ringing panel enters the page, and when the frame that shows it is painted (the next animation
     * frame), on the same wall clock the test reads.
     */
    private static final String OBSERVE =
            """
            window.callInserted = {}; window.callSeen = {};
            new MutationObserver(function () {
              document.querySelectorAll('section.call-RINGING').forEach(function (panel) {
                var id = panel.getAttribute('data-call');
                if (!(id in window.callInserted)) {
                  window.callInserted[id] = performance.timeOrigin + performance.now();
                  requestAnimationFrame(function () { window.callSeen[id] = performance.timeOrigin + performance.now(); });
                }
              });
            }).observe(document.body, {childList: true, subtree: true});""";

    /** Installed before the page's scripts: notes when each message of the calls channel arrives. */
    private static final String RECORD_PUSHES =
            """
            (function () {
              var Native = window.WebSocket;
              window.callPushes = [];
              function Recording(url, protocols) {
                var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
                if (String(url).indexOf('/calls') >= 0) {
                  socket.addEventListener('message', function () {
                    window.callPushes.push(performance.timeOrigin + performance.now());
                  });
                }
                return socket;
              }
              Recording.prototype = Native.prototype;
              ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) { Recording[k] = Native[k]; });
              window.WebSocket = Recording;
            })();""";

    private static final String AWAIT_NEW_PANEL =
            """
            var known = arguments[0], sentAt = arguments[1], done = arguments[arguments.length - 1];
            (function check() {
              var fresh = Object.keys(window.callSeen).filter(function (id) { return known.indexOf(id) < 0; });
              if (fresh.length) {
                var pushed = window.callPushes.filter(function (t) { return t >= sentAt; });
                done([fresh[0], window.callInserted[fresh[0]], window.callSeen[fresh[0]],
                      pushed.length ? Math.min.apply(null, pushed) : -1]);
              } else { setTimeout(check, 2); }
            })();""";

    @RegisterExtension
    final Browser browser = new Browser();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @Test
    void incomingCallToPopUp() throws Exception {
        Fixtures fixtures = new Fixtures(base);
        String local = "5" + (2_000_000 + ThreadLocalRandom.current().nextInt(7_000_000));
        String externalId = Fixtures.uniqueName("bench-g");
        fixtures.contact(
                externalId,
                """
                {"firstName": "Hedi", "lastName": "Bench", "kind": "GUARDIAN",
                 "numbers": [{"number": "%s", "label": "MOBILE"}], "groups": ["5C"]}
                """
                        .formatted(local));
        fixtures.invoice(
                Fixtures.uniqueName("BENCH"),
                """
                {"contact": "%s", "issueDate": "2026-09-15", "dueDate": "2026-10-15", "amount": 450.000,
                 "amountPaid": 0, "currency": "TND", "status": "UNPAID"}
                """
                        .formatted(externalId));
        Fixtures.Phone paired = fixtures.phone("bench-desk");
        List<Double> toDom = new ArrayList<>();
        List<Double> toPaint = new ArrayList<>();
        List<Double> toPush = new ArrayList<>();
        try (TestPhone phone = TestPhone.connect(base, paired.token())) {
            phone.hello();
            ((ChromeDriver) browser.driver())
                    .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_PUSHES));
            browser.signIn(base, fixtures.user("bench", "STAFF", false), Fixtures.PASSWORD);
            browser.waitForUrlEnding("/index.xhtml");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            browser.driver().manage().timeouts().scriptTimeout(TestPhone.DEADLINE);
            page.executeScript(OBSERVE);
            List<String> known = new ArrayList<>();
            for (int i = 0; i < WARM_UP + CALLS; i++) {
                String call = "bench-" + i;
                double sentAt = epochMillis(Instant.now());
                String ringing = phone.send(
                        "call_state",
                        "{\"call\": \"" + call + "\", \"state\": \"ringing\", \"direction\": \"incoming\","
                                + " \"number\": \"+216" + local + "\"}");
                List<?> seen = (List<?>) page.executeAsyncScript(AWAIT_NEW_PANEL, known, sentAt);
                String panelId = (String) seen.get(0);
                known.add(panelId);
                if (i >= WARM_UP) {
                    toDom.add(((Number) seen.get(1)).doubleValue() - sentAt);
                    toPaint.add(((Number) seen.get(2)).doubleValue() - sentAt);
                    toPush.add(((Number) seen.get(3)).doubleValue() - sentAt);
                }
                phone.await(f -> action(f).equals("ack") && ref(f).equals(ringing));
                String ended = phone.send("call_state", "{\"call\": \"" + call + "\", \"state\": \"ended\"}");
                phone.await(f -> action(f).equals("ack") && ref(f).equals(ended));
                // Close the missed call's summary, so that every call meets the same page.
                By dismiss = By.cssSelector("#call-" + panelId + ".call-MISSED .call-dismiss");
                browser.click(dismiss);
                new WebDriverWait(browser.driver(), TestPhone.DEADLINE)
                        .until(ExpectedConditions.numberOfElementsToBe(By.id("call-" + panelId), 0));
            }
        }
        String report = String.format(
                "Incoming call → pop-up in headless Chromium, %d calls after %d for warm-up (ms)%n"
                        + "  to painted:   p50 %6.1f   p90 %6.1f   p99 %6.1f   max %6.1f%n"
                        + "  to in page:   p50 %6.1f   p90 %6.1f   p99 %6.1f   max %6.1f%n"
                        + "  push arrived: p50 %6.1f   p90 %6.1f   p99 %6.1f   max %6.1f%n"
                        + "  (machine load average during the run: %s; 2 cores)%n",
                CALLS,
                WARM_UP,
                percentile(toPaint, 50),
                percentile(toPaint, 90),
                percentile(toPaint, 99),
                percentile(toPaint, 100),
                percentile(toDom, 50),
                percentile(toDom, 90),
                percentile(toDom, 99),
                percentile(toDom, 100),
                percentile(toPush, 50),
                percentile(toPush, 90),
                percentile(toPush, 99),
                percentile(toPush, 100),
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("incoming-call.txt"), report);
    }

    private static double epochMillis(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }

    /** Nearest-rank percentile. */
    private static double percentile(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
