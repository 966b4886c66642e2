package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The SMS dispatcher's throughput, from outside: 10 connected phones (real WebSocket clients) that acknowledge each
 * {@code send_sms} at once and report it sent, pacing off (as in every container test). 20,000 messages are queued in
 * requests of 500, the phones taking them while the later requests are still coming; timed from the first request
 * until every message is in a phone's hands and acknowledged, and until the server has stored every "sent" report (it
 * acknowledges a report once stored). Then, as a yardstick in the same run, the same number of messages' frames through
 * a bare echo socket in the same server: what the WebSocket layer and the test clients alone allow on this machine.
 * Run with {@code ./mvnw verify -Pbenchmark -Dit.test=SmsDispatchBenchmark}; it prints and writes its figures, it does
 * not judge them.
 */
@ContainerTest
@Tag("benchmark")
class SmsDispatchBenchmark {

    private static final int PHONES = 10;
    private static final int WARM_UP = 2_000;
    private static final int MESSAGES = 20_000;
    private static final int BATCH = 500;
    private static final Duration DEADLINE = Duration.ofMinutes(10);
    private static final int IN_FLIGHT = 200;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(GatewayBenchmarkEndpoints.class);
    }

    @Test
    void twentyThousandMessagesToTenPhones() throws Exception {
        Fixtures fixtures = new Fixtures(base);
        Random random = new Random();
        List<BenchPhone> phones = new ArrayList<>();
        try {
            for (int i = 0; i < PHONES; i++) {
                phones.add(new BenchPhone(
                        TestPhone.connect(base, fixtures.phone("dispatch").token()), i));
            }
            Campaign warmUp = new Campaign(Fixtures.uniqueName("warm-up"), numbers(random, WARM_UP));
            run(fixtures, phones, warmUp);
            Campaign measured =
                    new Campaign(Fixtures.uniqueName("Rappel: reunion jeudi 18h"), numbers(random, MESSAGES));
            run(fixtures, phones, measured);
            echoes(base, WARM_UP);
            Echoes echoes = echoes(base, MESSAGES);

            long[] latencies = measured.latencies();
            String report = String.format(
                    "SMS dispatch, %,d messages queued in requests of %d to %d connected phones, pacing off"
                            + " (after a warm-up of %,d)%n"
                            + "  queueing (%d requests):                        %6.2f s (%,.0f messages/s)%n"
                            + "  first request → all handed to phones, acknowledged: %6.2f s (%,.0f messages/s)%n"
                            + "  first request → all reported sent, stored:          %6.2f s (%,.0f messages/s)%n"
                            + "  request → phone, per message: p50 %,.0f ms, p99 %,.0f ms%n"
                            + "  messages per phone: %s%n"
                            + "  CPU from first request to all stored: %s%n"
                            + "  yardstick, the same %,d messages' four frames through a bare echo socket in this server,"
                            + " no application work:%n"
                            + "                                                     %6.2f s (%,.0f messages/s), %s%n",
                    MESSAGES,
                    BATCH,
                    PHONES,
                    WARM_UP,
                    MESSAGES / BATCH,
                    measured.seconds(measured.queuedAll),
                    MESSAGES / measured.seconds(measured.queuedAll),
                    measured.seconds(measured.handedAll),
                    MESSAGES / measured.seconds(measured.handedAll),
                    measured.seconds(measured.reportedAll),
                    MESSAGES / measured.seconds(measured.reportedAll),
                    percentile(latencies, 0.50) / 1e6,
                    percentile(latencies, 0.99) / 1e6,
                    phones.stream().map(phone -> phone.handled(measured)).toList(),
                    measured.cpu(),
                    MESSAGES,
                    echoes.seconds(),
                    MESSAGES / echoes.seconds(),
                    echoes.cpu());
            System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
            Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
            Files.createDirectories(out);
            Files.writeString(out.resolve("sms-dispatch.txt"), report);
            assertEquals("SENT=" + MESSAGES, fixtures.smsStates(measured.text), "the server agrees with the phones");
        } finally {
            phones.forEach(BenchPhone::close);
        }
    }

    private static void run(Fixtures fixtures, List<BenchPhone> phones, Campaign campaign) throws InterruptedException {
        phones.forEach(phone -> phone.campaign = campaign);
        campaign.cpuAtStart = CpuTimes.now();
        campaign.start = System.nanoTime();
        for (int first = 0; first < campaign.numbers.size(); first += BATCH) {
            List<String> batch = campaign.numbers.subList(first, Math.min(first + BATCH, campaign.numbers.size()));
            long requested = System.nanoTime();
            batch.forEach(number -> campaign.requestedAt.put(number, requested));
            fixtures.sms(null, campaign.text, batch.toArray(String[]::new));
        }
        campaign.queuedAll = System.nanoTime();
        assertTrue(campaign.handed.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "handed: " + campaign);
        campaign.handedAll = System.nanoTime();
        assertTrue(campaign.reported.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "reported: " + campaign);
        campaign.reportedAll = System.nanoTime();
        campaign.cpuAtEnd = CpuTimes.now();
    }

    /** How long the echoes took, and the CPU the server and the clients used meanwhile. */
    private record Echoes(double seconds, int messages, CpuTimes before, CpuTimes after) {

        String cpu() {
            return CpuTimes.used(before, after, seconds, messages);
        }
    }

    /**
     * The ceiling Payara's WebSocket layer sets on this machine: each of {@value #PHONES} sockets to the bare echo plays
     * its share of the messages as a phone sees them, a frame the size of a {@code send_sms} and one the size of an
     * {@code sms_status}, each echoed back: two frames in and two out a message, as in the measured run, with
     * {@value #IN_FLIGHT} messages in flight per socket.
     */
    private static Echoes echoes(URL base, int messages) throws Exception {
        URI echo = URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + "/test-echo");
        List<TestPhone> sockets = new ArrayList<>();
        ExecutorService players = Executors.newFixedThreadPool(PHONES);
        try {
            for (int i = 0; i < PHONES; i++) {
                sockets.add(TestPhone.open(echo, Map.of()));
            }
            CpuTimes before = CpuTimes.now();
            long start = System.nanoTime();
            List<Future<?>> played = new ArrayList<>();
            for (int i = 0; i < PHONES; i++) {
                TestPhone socket = sockets.get(i);
                String prefix = "e" + i + "-";
                played.add(players.submit(() -> playEchoes(socket, prefix, messages / PHONES)));
            }
            for (Future<?> playing : played) {
                playing.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Echoes(seconds, messages, before, CpuTimes.now());
        } finally {
            players.shutdownNow();
            sockets.forEach(TestPhone::close);
        }
    }

    private static Void playEchoes(TestPhone socket, String prefix, int messages) {
        int sent = 0;
        int done = 0;
        while (sent < Math.min(IN_FLIGHT, messages)) {
            sendEchoPair(socket, prefix + sent++);
        }
        while (done < messages) {
            JsonObject frame = socket.next(TestPhone.DEADLINE)
                    .orElseThrow(() -> new AssertionError("an echo missing after " + TestPhone.DEADLINE));
            if (action(frame).equals("sms_status")) {
                done++;
                if (sent < messages) {
                    sendEchoPair(socket, prefix + sent++);
                }
            }
        }
        return null;
    }

    private static void sendEchoPair(TestPhone socket, String id) {
        String commandId = UUID.randomUUID().toString();
        socket.send("{\"action\":\"send_sms\",\"id\":\"" + commandId + "\",\"data\":{\"to\":\"+21620000000\","
                + "\"text\":\"Rappel: reunion jeudi 18h\",\"expiresAt\":\"2026-11-22T10:15:30.123Z\"}}");
        socket.send("{\"action\":\"sms_status\",\"id\":\"" + id + "\",\"data\":{\"ref\":\"" + commandId
                + "\",\"state\":\"sent\"}}");
    }

    /**
     * The CPU time used so far by the Payara Micro this test run started (empty if it is not found among this JVM's
     * child processes) and by this JVM, where the test phones run: on a machine shared by both, which of them is busy.
     */
    private record CpuTimes(Optional<Duration> server, Duration phones) {

        static CpuTimes now() {
            Optional<Duration> server = ProcessHandle.current()
                    .descendants()
                    .filter(process -> process.info().commandLine().orElse("").contains("payara-micro"))
                    .findFirst()
                    .flatMap(process -> process.info().totalCpuDuration());
            return new CpuTimes(
                    server, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        }

        /** What the server and this JVM used between two readings, over {@code wall} seconds of that many messages. */
        static String used(CpuTimes before, CpuTimes after, double wall, int messages) {
            double phones = (after.phones().toNanos() - before.phones().toNanos()) / 1e9;
            String server = before.server()
                    .flatMap(start -> after.server().map(end -> (end.toNanos() - start.toNanos()) / 1e9))
                    .map(seconds -> String.format(
                            "server %.1f s (%.2f cores, %.2f ms a message)",
                            seconds, seconds / wall, seconds * 1e3 / messages))
                    .orElse("server process not found");
            return String.format(
                    "%s, test phones %.1f s (%.2f cores), on %d cores",
                    server, phones, phones / wall, Runtime.getRuntime().availableProcessors());
        }
    }

    /** Distinct mobiles in a random block, so that the messages of one run are told apart by their numbers. */
    private static List<String> numbers(Random random, int count) {
        long first = 20_000_000L + random.nextInt(9_000_000);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add("+216" + (first + i));
        }
        return numbers;
    }

    private static long percentile(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1];
    }

    /** One bulk send: its text tells its commands from any others, and the latches count them home. */
    private static final class Campaign {
        final String text;
        final List<String> numbers;
        final Map<String, Long> requestedAt = new ConcurrentHashMap<>();
        final Map<String, Long> latency = new ConcurrentHashMap<>();
        final Set<String> reports = ConcurrentHashMap.newKeySet();
        final CountDownLatch handed;
        final CountDownLatch reported;
        volatile long start;
        volatile long queuedAll;
        volatile long handedAll;
        volatile long reportedAll;
        volatile CpuTimes cpuAtStart;
        volatile CpuTimes cpuAtEnd;

        Campaign(String text, List<String> numbers) {
            this.text = text;
            this.numbers = numbers;
            this.handed = new CountDownLatch(numbers.size());
            this.reported = new CountDownLatch(numbers.size());
        }

        double seconds(long end) {
            return (end - start) / 1e9;
        }

        String cpu() {
            return CpuTimes.used(cpuAtStart, cpuAtEnd, seconds(reportedAll), numbers.size());
        }

        long[] latencies() {
            long[] sorted = latency.values().stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return sorted;
        }

        @Override
        public String toString() {
            return text + ": " + (numbers.size() - handed.getCount()) + " handed, "
                    + (numbers.size() - reported.getCount()) + " reported of " + numbers.size();
        }
    }

    /**
     * A phone that acknowledges each command and reports it sent at once, from a thread of its own; commands of other
     * campaigns (a file database keeps what earlier runs left) are answered the same way but not counted.
     */
    private static final class BenchPhone {

        private final TestPhone socket;
        private final String prefix;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Campaign, AtomicInteger> handled = new ConcurrentHashMap<>();
        private final Thread worker;
        private volatile boolean running = true;
        volatile Campaign campaign;

        BenchPhone(TestPhone socket, int index) {
            this.socket = socket;
            this.prefix = "p" + index + "-";
            socket.hello();
            worker = new Thread(this::work, "bench-phone-" + index);
            worker.setDaemon(true);
            worker.start();
        }

        int handled(Campaign of) {
            return handled.getOrDefault(of, new AtomicInteger()).get();
        }

        void close() {
            running = false;
            socket.close();
        }

        private void work() {
            while (running && !socket.isClosed()) {
                socket.next(Duration.ofMillis(100)).ifPresent(this::handle);
            }
        }

        private void handle(JsonObject frame) {
            Campaign current = campaign;
            switch (action(frame)) {
                case "send_sms" -> {
                    long now = System.nanoTime();
                    String commandId = frame.getString("id");
                    JsonObject data = frame.getJsonObject("data");
                    boolean counted = current != null && current.text.equals(data.getString("text"));
                    String reportId = prefix + ids.incrementAndGet();
                    if (counted) {
                        Long requested = current.requestedAt.get(data.getString("to"));
                        current.latency.put(data.getString("to"), now - (requested == null ? now : requested));
                        current.reports.add(reportId);
                    }
                    socket.send("{\"action\":\"ack\",\"id\":\"" + prefix + ids.incrementAndGet()
                            + "\",\"data\":{\"ref\":\"" + commandId + "\"}}");
                    if (counted) {
                        handled.computeIfAbsent(current, c -> new AtomicInteger())
                                .incrementAndGet();
                        current.handed.countDown();
                    }
                    socket.send("{\"action\":\"sms_status\",\"id\":\"" + reportId + "\",\"data\":{\"ref\":\""
                            + commandId + "\",\"state\":\"sent\"}}");
                }
                case "ack" -> {
                    if (current != null && current.reports.remove(ref(frame))) {
                        current.reported.countDown();
                    }
                }
                default -> {
                    // welcome, ping (TestPhone answers it), pong
                }
            }
        }
    }
}
