package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * The phone gateway under load, from outside as phones see it. First 100 connected phones and 10,000 commands, one at
 * a time: from the request to the gateway until the phone holds the command, against the round trip of a bare echo
 * socket in the same server, measured alternately in the same run. Then 1,000 idle phones answering heartbeats: the
 * server's memory. Run with {@code ./mvnw verify -Pbenchmark}; it prints and writes figures, it does not judge them.
 */
@ContainerTest
@Tag("benchmark")
class PhoneGatewayBenchmark {

    private static final int PHONES = 100;
    private static final int WARM_UP = 2_000;
    private static final int COMMANDS = 10_000;
    private static final int BURST_PER_PHONE = 50;
    private static final int IDLE_PHONES = 1_000;
    private static final int HEARTBEAT_ROUNDS = 10;
    private static final Pattern MEMORY = Pattern.compile("heapUsedBytes=(\\d+) rssKiB=(\\d+)");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(GatewayBenchmarkEndpoints.class);
    }

    @Test
    void commandLatencyAndIdleMemory() throws Exception {
        Fixtures fixtures = new Fixtures(base);
        StringBuilder report = new StringBuilder();
        long[] baseline = memory(fixtures);

        List<Fixtures.Phone> paired = new ArrayList<>();
        List<TestPhone> phones = new ArrayList<>();
        try (TestPhone echo = TestPhone.open(socket("/test-echo"), Map.of());
                TestPhone trigger = TestPhone.open(socket("/test-command"), Map.of())) {
            for (int i = 0; i < PHONES; i++) {
                Fixtures.Phone phone = fixtures.phone("bench");
                paired.add(phone);
                TestPhone connected = TestPhone.connect(base, phone.token());
                connected.hello();
                phones.add(connected);
            }
            measure(echo, trigger, paired, phones, WARM_UP);
            long[][] timings = measure(echo, trigger, paired, phones, COMMANDS);
            long[] echoes = timings[0];
            long[] commands = timings[1];
            report.append(String.format(
                    "%d phones connected; %,d commands sent one at a time, each timed from the request to the gateway"
                            + " until the phone holds it, alternating with a bare echo round trip%n"
                            + "  echo:    p50 %.3f ms, p99 %.3f ms%n"
                            + "  command: p50 %.3f ms, p99 %.3f ms%n"
                            + "  ratio command / echo: p50 %.2f, p99 %.2f%n",
                    PHONES,
                    COMMANDS,
                    millis(echoes, 0.50),
                    millis(echoes, 0.99),
                    millis(commands, 0.50),
                    millis(commands, 0.99),
                    millis(commands, 0.50) / millis(echoes, 0.50),
                    millis(commands, 0.99) / millis(echoes, 0.99)));
            report.append(burst(trigger, paired, phones));
        } finally {
            phones.forEach(TestPhone::close);
        }

        List<TestPhone> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_PHONES; i++) {
                TestPhone phone = TestPhone.connect(base, fixtures.phone("idle").token());
                phone.hello();
                idle.add(phone);
            }
            for (int round = 0; round < HEARTBEAT_ROUNDS; round++) {
                for (TestPhone phone : idle) {
                    phone.await("ping");
                }
            }
            long[] loaded = memory(fixtures);
            report.append(String.format(
                    "%,d idle phones connected, each answering %d heartbeats:%n"
                            + "  server heap in use after GC: %,d MB (%,d MB with no phone), %.1f KB a phone%n"
                            + "  server resident memory: %,d MB (%,d MB with no phone)%n",
                    IDLE_PHONES,
                    HEARTBEAT_ROUNDS,
                    loaded[0] >> 20,
                    baseline[0] >> 20,
                    (loaded[0] - baseline[0]) / 1024.0 / IDLE_PHONES,
                    loaded[1] >> 10,
                    baseline[1] >> 10));
            assertEquals(IDLE_PHONES, idle.stream().filter(p -> !p.isClosed()).count(), "every idle phone stayed");
        } finally {
            idle.forEach(TestPhone::close);
        }

        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("phone-gateway.txt"), report.toString());
    }

    /** Echo and command alternately, so that both see the same machine load. */
    private static long[][] measure(
            TestPhone echo, TestPhone trigger, List<Fixtures.Phone> paired, List<TestPhone> phones, int count) {
        long[] echoes = new long[count];
        long[] commands = new long[count];
        for (int i = 0; i < count; i++) {
            String marker = "b-" + System.nanoTime();
            long start = System.nanoTime();
            echo.send("{\"action\":\"echo\",\"id\":\"" + marker + "\"}");
            echo.await(frame -> marker.equals(frame.getString("id", "")));
            echoes[i] = System.nanoTime() - start;

            int phone = i % paired.size();
            start = System.nanoTime();
            trigger.send("{\"device\":" + paired.get(phone).id() + ",\"text\":\"" + marker + "\"}");
            JsonObject command = phones.get(phone).await(frame -> isCommand(frame, marker));
            commands[i] = System.nanoTime() - start;
            phones.get(phone).send("ack", "{\"ref\":\"" + command.getString("id") + "\"}");
        }
        Arrays.sort(echoes);
        Arrays.sort(commands);
        return new long[][] {echoes, commands};
    }

    /** Every phone receives commands at once: how long until all of them hold all of theirs. */
    private static String burst(TestPhone trigger, List<Fixtures.Phone> paired, List<TestPhone> phones) {
        long start = System.nanoTime();
        for (int round = 0; round < BURST_PER_PHONE; round++) {
            for (Fixtures.Phone phone : paired) {
                trigger.send("{\"device\":" + phone.id() + ",\"text\":\"burst-" + round + "\"}");
            }
        }
        ExecutorService waiting = Executors.newFixedThreadPool(8);
        try {
            CompletableFuture.allOf(phones.stream()
                            .map(phone -> CompletableFuture.runAsync(
                                    () -> phone.await(frame -> isCommand(frame, "burst-" + (BURST_PER_PHONE - 1))),
                                    waiting))
                            .toArray(CompletableFuture[]::new))
                    .join();
        } finally {
            waiting.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = BURST_PER_PHONE * paired.size();
        return String.format(
                "burst: %,d commands to %d phones at once, all received in %.2f s (%,.0f commands/s)%n",
                total, paired.size(), seconds, total / seconds);
    }

    private static boolean isCommand(JsonObject frame, String text) {
        return "send_sms".equals(frame.getString("action", ""))
                && text.equals(frame.getJsonObject("data").getString("text", ""));
    }

    private URI socket(String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path);
    }

    private static long[] memory(Fixtures fixtures) {
        Matcher matcher = MEMORY.matcher(fixtures.memory());
        if (!matcher.matches()) {
            throw new IllegalStateException("Unexpected memory report");
        }
        return new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
