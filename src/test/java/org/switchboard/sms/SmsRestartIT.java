package org.switchboard.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.testing.TestPhone.action;
import static org.switchboard.testing.TestPhone.ref;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * A campaign survives the server being killed in the middle of it. Unlike the other container tests this one starts
 * Payara Micro itself, as a separate process, twice on the same database (an H2 file under target/, or the PostgreSQL
 * database of the second pass), and kills the first one hard ({@code destroyForcibly}, SIGKILL: no shutdown, nothing
 * flushed). A phone that behaves as the companion app does (a durable log of the command ids it has carried out,
 * reports kept until the server acknowledges them and sent again after a reconnection) carries the campaign on both
 * sides of the kill. Nothing may be lost (every message ends delivered) and nothing doubled (no number gets the SMS
 * under two command ids). Each Payara Micro's output is in {@code target/restart-it/}.
 */
@Tag(ContainerTest.TAG)
class SmsRestartIT {

    private static final int CAMPAIGN = 200;
    /** The phone carries out this many before the kill, so the kill always lands mid-campaign... */
    private static final int CARRIED_BEFORE_KILL = 120;
    /** ...and the kill comes once the server has stored this many deliveries, while the phone is still busy. */
    private static final int DELIVERED_BEFORE_KILL = 50;

    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final Duration CAMPAIGN_DEADLINE = Duration.ofSeconds(120);
    private static final Path WORK = Path.of("target", "restart-it");
    /** Micro's last line at boot: "Payara Micro 6.2025.10 (build 42) ready in 12,285 (ms)". */
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ");

    private static final String TEXT = "Rappel : les bulletins sont à retirer au secrétariat avant vendredi.";

    private Micro server;
    private Companion phone;

    @AfterEach
    void stopEverything() {
        if (phone != null) {
            phone.close();
        }
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void aCampaignCutByAHardKillCompletesAfterTheRestartWithNothingLostAndNothingSentTwice() throws Exception {
        Files.createDirectories(WORK);
        Path war = WORK.resolve("ROOT.war");
        Deployments.switchboard().as(ZipExporter.class).exportTo(war.toFile(), true);
        List<String> options = microOptions();

        server = Micro.start(war, options, 1);
        Fixtures fixtures = new Fixtures(server.base());
        Fixtures.Phone paired = fixtures.phone("restart");
        phone = new Companion(paired.token(), CARRIED_BEFORE_KILL);
        phone.connect(server.base());

        List<String> numbers = numbers(CAMPAIGN);
        List<Long> ids = fixtures.sms(paired.id(), TEXT, numbers.toArray(String[]::new));
        assertEquals(CAMPAIGN, ids.size());
        assertTrue(
                phone.awaitDelivered(DELIVERED_BEFORE_KILL, numbers, CAMPAIGN_DEADLINE),
                "before the kill: " + phone.describe(numbers));

        server.kill();
        String atKill = phone.describe(numbers);
        phone.allowEverything();
        server = Micro.start(war, options, 2);
        phone.connect(server.base());
        // Whether or not all arrive in time, the server's view of each message below says what went wrong.
        phone.awaitDelivered(CAMPAIGN, numbers, CAMPAIGN_DEADLINE);

        Map<Long, String> notDelivered = new LinkedHashMap<>();
        Fixtures afterRestart = new Fixtures(server.base());
        for (long id : ids) {
            String state = afterRestart.smsState(id);
            if (!state.startsWith("DELIVERED")) {
                notDelivered.put(id, state);
            }
        }
        String report = "at the kill: " + atKill + "; at the end: " + phone.describe(numbers);
        System.out.println("SmsRestartIT (" + System.getProperty("it.database", "h2") + "): " + report);
        assertEquals(Map.of(), notDelivered, "every message of the campaign is delivered; " + report);
        assertEquals(Map.of(), phone.sentMoreThanOnce(numbers), "no number got the SMS twice; " + report);
        assertEquals(Set.copyOf(numbers), phone.numbersSent(), "every number got it; " + report);
        assertEquals(List.of(), phone.unexpectedErrors(), "the server refused none of the phone's frames");
    }

    /**
     * The JVM options the other container tests give Payara Micro ({@code it.micro.options}, which chooses the
     * database), with an in-memory H2 database replaced by the file database Switchboard uses by default (its own URL,
     * in a folder under target/), which outlives the process as it does in production.
     */
    private static List<String> microOptions() throws IOException {
        String configured = System.getProperty(
                "it.micro.options",
                "-Dswitchboard.phone.heartbeat-seconds=1 -Dswitchboard.phone.offline-after-seconds=10"
                        + " -Dswitchboard.sms.parts-per-minute=0 -Dswitchboard.admin.password=first-start-secret"
                        + " -Dswitchboard.db.url=jdbc:h2:mem:switchboard");
        Path h2 = WORK.resolve("h2");
        deleteRecursively(h2);
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        for (String option : configured.strip().split("\\s+")) {
            options.add(
                    option.startsWith("-Dswitchboard.db.url=jdbc:h2:")
                            ? "-Dswitchboard.data.dir=" + h2.toAbsolutePath()
                            : option);
        }
        return options;
    }

    /** Distinct mobiles in a random block, so that a database shared with earlier runs holds none of them. */
    private static List<String> numbers(int count) {
        long first = 51_000_000L + new Random().nextInt(8_000_000);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add("+216" + (first + i));
        }
        return numbers;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    /** Waits until the condition holds (re-checked whenever the monitor is notified); false if the deadline passed. */
    private static boolean waitFor(BooleanSupplier condition, Object monitor, Duration deadline)
            throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = Duration.between(Instant.now(), end).toMillis();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.min(left, 500));
            }
        }
        return true;
    }

    /** One Payara Micro process with the test WAR, its output in a file under target/restart-it/. */
    private static final class Micro {

        private static final HttpClient HTTP = HttpClient.newHttpClient();

        private final Process process;
        private final URL base;
        private final Path log;

        private Micro(Process process, URL base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        static Micro start(Path war, List<String> options, int run) throws IOException, InterruptedException {
            int port = freePort();
            Path root = WORK.resolve("micro-root-" + run);
            deleteRecursively(root);
            Path log = WORK.resolve("micro-" + run + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.add("-Djava.io.tmpdir=" + WORK.resolve("tmp").toAbsolutePath());
            command.addAll(List.of(
                    "-jar",
                    Path.of("target", "payara-micro.jar").toString(),
                    "--deploy",
                    war.toString(),
                    "--port",
                    String.valueOf(port),
                    "--nohazelcast",
                    "--disablephonehome",
                    "--prebootcommandfile",
                    Path.of("src", "test", "resources", "preboot-loopback.asadmin")
                            .toString(),
                    "--rootdir",
                    root.toString()));
            Files.createDirectories(WORK.resolve("tmp"));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            Micro micro = new Micro(process, new URL("http://127.0.0.1:" + port + "/"), log);
            micro.awaitReady();
            return micro;
        }

        URL base() {
            return base;
        }

        /** SIGKILL: the server gets no chance to close sockets, finish transactions or flush anything. */
        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Payara Micro did not die; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Copies Micro's output to its log file and waits until Micro says it is ready (or exits, or the deadline
         * passes); then checks that the test WAR answers.
         */
        private void awaitReady() throws InterruptedException, IOException {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            Thread copier = new Thread(
                    () -> {
                        try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
                                BufferedWriter file = Files.newBufferedWriter(log)) {
                            String line;
                            while ((line = output.readLine()) != null) {
                                file.write(line);
                                file.newLine();
                                file.flush();
                                if (READY.matcher(line).find()) {
                                    ready.complete(null);
                                }
                            }
                        } catch (IOException e) {
                            ready.completeExceptionally(e);
                        }
                        ready.completeExceptionally(new IllegalStateException("Payara Micro exited"));
                    },
                    "micro-output");
            copier.setDaemon(true);
            copier.start();
            try {
                ready.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                kill();
                throw new IllegalStateException("Payara Micro not ready (" + e + "):\n" + tail(), e);
            }
            HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "test-fixtures?read=audit&action=none"))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            int status =
                    HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("The test WAR answered " + status + ":\n" + tail());
            }
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }

    /**
     * A phone as the companion app behaves (docs/protocol.md, section 4): it logs each command id it carries out and
     * only acknowledges a command already in its log; it keeps each report until the server acknowledges it and sends
     * the unacknowledged ones again, with the same ids, after reconnecting. It counts how many times it sent the SMS
     * to each number. Until {@link #allowEverything()} it carries out at most a given number of commands and leaves the
     * others unacknowledged, as a busy phone does.
     */
    private static final class Companion implements AutoCloseable {

        private final String token;
        private final Set<String> log = ConcurrentHashMap.newKeySet();
        private final Map<String, Integer> sentTo = new ConcurrentHashMap<>();
        private final Map<String, String> unacknowledgedReports = new LinkedHashMap<>();
        private final Map<String, String> deliveryReports = new ConcurrentHashMap<>();
        private final Set<String> deliveredNumbers = ConcurrentHashMap.newKeySet();
        private final List<String> unexpectedErrors = new ArrayList<>();
        private final AtomicInteger repeatedCommands = new AtomicInteger();
        private final AtomicInteger reportsSentAgain = new AtomicInteger();
        private final Object progress = new Object();
        private volatile int allowance;
        private volatile TestPhone connection;
        private Thread worker;

        Companion(String token, int allowance) {
            this.token = token;
            this.allowance = allowance;
        }

        void connect(URL base) {
            TestPhone phone = TestPhone.connect(base, token);
            phone.hello();
            connection = phone;
            worker = new Thread(() -> work(phone), "companion");
            worker.setDaemon(true);
            worker.start();
            List<Map.Entry<String, String>> pending;
            synchronized (unacknowledgedReports) {
                pending = List.copyOf(unacknowledgedReports.entrySet());
            }
            for (Map.Entry<String, String> report : pending) {
                reportsSentAgain.incrementAndGet();
                phone.send(report.getValue());
            }
        }

        void allowEverything() {
            allowance = Integer.MAX_VALUE;
        }

        /** Until the server has acknowledged delivery reports for this many of the numbers; false if it did not in time. */
        boolean awaitDelivered(int count, List<String> numbers, Duration deadline) throws InterruptedException {
            Set<String> campaign = Set.copyOf(numbers);
            BooleanSupplier done =
                    () -> deliveredNumbers.stream().filter(campaign::contains).count() >= count;
            return waitFor(done, progress, deadline);
        }

        Map<String, Integer> sentMoreThanOnce(List<String> numbers) {
            return numbers.stream()
                    .filter(number -> sentTo.getOrDefault(number, 0) > 1)
                    .collect(Collectors.toMap(number -> number, sentTo::get));
        }

        Set<String> numbersSent() {
            return new HashSet<>(sentTo.keySet());
        }

        synchronized List<String> unexpectedErrors() {
            return List.copyOf(unexpectedErrors);
        }

        String describe(List<String> numbers) {
            Set<String> campaign = Set.copyOf(numbers);
            int pending;
            synchronized (unacknowledgedReports) {
                pending = unacknowledgedReports.size();
            }
            return String.format(
                    "%d sent by the phone, %d delivered as the server acknowledged, %d reports unacknowledged,"
                            + " %d commands received again and only acknowledged, %d reports sent again",
                    sentTo.keySet().stream().filter(campaign::contains).count(),
                    deliveredNumbers.stream().filter(campaign::contains).count(),
                    pending,
                    repeatedCommands.get(),
                    reportsSentAgain.get());
        }

        @Override
        public void close() {
            TestPhone phone = connection;
            if (phone != null) {
                phone.close();
            }
        }

        /** Reads this connection's frames until it closes; commands beyond the allowance wait unacknowledged. */
        private void work(TestPhone phone) {
            List<JsonObject> held = new ArrayList<>();
            try {
                while (!phone.isClosed()) {
                    phone.next(Duration.ofMillis(100)).ifPresent(frame -> {
                        switch (action(frame)) {
                            case "send_sms" -> held.add(frame);
                            case "ack" -> acknowledged(ref(frame));
                            case "error" -> error(phone, frame);
                            default -> {
                                // welcome, ping (TestPhone answers it), pong
                            }
                        }
                    });
                    while (!held.isEmpty() && (log.contains(id(held.get(0))) || log.size() < allowance)) {
                        carryOut(phone, held.remove(0));
                    }
                }
            } catch (RuntimeException connectionLost) {
                // The server died under a send: what was not acknowledged is sent again on the next connection.
            }
        }

        /**
         * Logs the command, sends the SMS, and keeps the reports of its outcome before sending anything back: on a
         * phone those come from Android whatever becomes of the connection, so a socket that dies here loses none.
         */
        private void carryOut(TestPhone phone, JsonObject command) {
            String commandId = id(command);
            String ack = frame("ack", "r-" + UUID.randomUUID(), "{\"ref\":\"" + commandId + "\"}");
            if (!log.add(commandId)) {
                repeatedCommands.incrementAndGet();
                phone.send(ack);
                return;
            }
            String number = command.getJsonObject("data").getString("to");
            // Other tests' messages still queued in a shared database are carried out too, but are not the campaign.
            if (TEXT.equals(command.getJsonObject("data").getString("text"))) {
                sentTo.merge(number, 1, Integer::sum);
            }
            List<String> reports = List.of(
                    report("sms_status", "{\"ref\":\"" + commandId + "\",\"state\":\"sent\"}", null),
                    report("result", "{\"ref\":\"" + commandId + "\",\"ok\":true}", null),
                    report("sms_status", "{\"ref\":\"" + commandId + "\",\"state\":\"delivered\"}", number));
            phone.send(ack);
            reports.forEach(phone::send);
        }

        /** Keeps a report until the server acknowledges it, and returns its frame. */
        private String report(String action, String data, String deliveredTo) {
            String id = "r-" + UUID.randomUUID();
            String frame = frame(action, id, data);
            if (deliveredTo != null) {
                deliveryReports.put(id, deliveredTo);
            }
            synchronized (unacknowledgedReports) {
                unacknowledgedReports.put(id, frame);
            }
            return frame;
        }

        private void acknowledged(String reportId) {
            synchronized (unacknowledgedReports) {
                unacknowledgedReports.remove(reportId);
            }
            String number = deliveryReports.get(reportId);
            if (number != null) {
                deliveredNumbers.add(number);
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        }

        /** SERVER_ERROR means "send it again later"; any other error means the server refused a frame. */
        private void error(TestPhone phone, JsonObject error) {
            String code = error.getJsonObject("data").getString("code", "");
            String refused = error.getJsonObject("data").getString("ref", "");
            String frame;
            synchronized (unacknowledgedReports) {
                frame = unacknowledgedReports.get(refused);
            }
            if (code.equals("SERVER_ERROR") && frame != null) {
                reportsSentAgain.incrementAndGet();
                phone.send(frame);
            } else {
                synchronized (this) {
                    unexpectedErrors.add(error.toString());
                }
            }
        }

        private static String id(JsonObject frame) {
            return frame.getString("id");
        }

        private static String frame(String action, String id, String data) {
            return "{\"action\":\"" + action + "\",\"id\":\"" + id + "\",\"data\":" + data + "}";
        }
    }
}
