package org.switchboard.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;
import org.switchboard.testing.Fixtures;
import org.switchboard.testing.TestPhone;

/**
 * The real companion simulator (android-companion/simulator, the same core as the app) as a separate process
 * against the real server: SMS and calls through their whole cycle, over ws:// and pinned wss://, and a phone killed
 * in the middle of sending. Every read of the server's state follows the server's acknowledgement of the report
 * that changed it, which the server sends only after committing.
 */
@ContainerTest
class CompanionSimulatorIT {

    private static final Path JAR = Path.of("android-companion/simulator/target/switchboard-simulator.jar");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.switchboard();
    }

    @ArquillianResource
    private URL base;

    @TempDir
    Path state;

    private Fixtures fixtures;
    private final List<SimulatorProcess> processes = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        assertTrue(
                Files.isRegularFile(JAR),
                JAR + " is missing: the root build makes it (or: ./mvnw -f android-companion/pom.xml verify)");
        fixtures = new Fixtures(base);
    }

    @AfterEach
    void stopSimulators() {
        processes.forEach(SimulatorProcess::kill);
    }

    @Test
    void anSmsQueuedOnTheServerIsSentAndDeliveredThroughTheSimulator() {
        Fixtures.Phone phone = fixtures.phone("simulated");
        SimulatorProcess simulator = start(phone, "--sent-delay", "100", "--delivered-delay", "200");
        simulator.awaitLine(Pattern.compile("phone1 CONNECTED " + Pattern.quote(phone.name())));
        String text = Fixtures.uniqueName("Réunion des parents jeudi à 18h");

        long id = fixtures.sms(phone.id(), text, "+21650100021").get(0);
        String command = simulator
                .awaitLine(Pattern.compile("phone1 sending (\\S+) to \\+21650100021 in 1 part\\(s\\)"))
                .group(1);
        simulator.awaitLine(acknowledged("sms_status", command, "delivered"));

        assertEquals(
                "DELIVERED device=" + phone.id() + " attempts=1 reason=null"
                        + " | QUEUED DISPATCHED SENT_TO_PHONE SENT DELIVERED",
                fixtures.smsState(id));
        assertTrue(fixtures.read("commands", phone.id()).contains(command + " SUCCEEDED"));
    }

    @Test
    void oneSimulatorPlaysSeveralPhonesEachWithItsOwnToken() {
        Fixtures.Phone first = fixtures.phone("fleet");
        Fixtures.Phone second = fixtures.phone("fleet");
        SimulatorProcess simulator = start(List.of(
                "--server",
                TestPhone.uri(base, "").toString(),
                "--token",
                first.token() + "," + second.token(),
                "--phones",
                "2",
                "--sent-delay",
                "0",
                "--delivered-delay",
                "0"));
        simulator.awaitLine(Pattern.compile("phone1 CONNECTED " + Pattern.quote(first.name())));
        simulator.awaitLine(Pattern.compile("phone2 CONNECTED " + Pattern.quote(second.name())));

        long id = fixtures.sms(second.id(), Fixtures.uniqueName("Fleet"), "+21650100026")
                .get(0);
        String command = simulator
                .awaitLine(Pattern.compile("phone2 sending (\\S+) to \\+21650100026"))
                .group(1);
        simulator.awaitLine(Pattern.compile(
                acknowledged("sms_status", command, "delivered").pattern().replaceFirst("^phone1", "phone2")));

        assertTrue(fixtures.smsState(id).startsWith("DELIVERED device=" + second.id()), fixtures.smsState(id));
        simulator.type("@2 sms +21650100027 Reçu par le second");
        simulator.awaitLine(Pattern.compile("phone2 acknowledged \\{\"action\":\"sms_received\""));
        assertEquals("RECEIVED Reçu par le second", fixtures.incoming("+21650100027"));
        assertEquals(0, simulator.count(Pattern.compile("phone1 (sending|acknowledged)")));
    }

    @Test
    void anIncomingCallIsReportedAnsweredByTheServerAndReportedActiveThenEnded() {
        Fixtures.Phone phone = fixtures.phone("ringing");
        SimulatorProcess simulator = start(phone);
        simulator.awaitLine(Pattern.compile("phone1 CONNECTED"));

        simulator.type("ring +21650100022");
        String call = simulator
                .awaitLine(Pattern.compile("phone1 call (\\S+) ringing incoming \\+21650100022"))
                .group(1);
        simulator.awaitLine(acknowledged("call_state", call, "ringing"));
        assertTrue(fixtures.eventsOnce(phone.id(), "callId=" + call + ", state=RINGING, direction=INCOMING")
                .contains("number=+21650100022"));

        String answer = fixtures.command(phone.id(), "command", "answer", "call", call);
        simulator.awaitLine(Pattern.compile("phone1 call " + Pattern.quote(call) + " active incoming"));
        simulator.awaitLine(acknowledged("result", answer, null));
        simulator.awaitLine(acknowledged("call_state", call, "active"));
        assertTrue(fixtures.read("commands", phone.id()).contains(answer + " SUCCEEDED"));
        assertTrue(fixtures.eventsOnce(phone.id(), "callId=" + call + ", state=ACTIVE")
                .contains("callId=" + call + ", state=ACTIVE, direction=INCOMING"));

        simulator.type("end " + call);
        simulator.awaitLine(acknowledged("call_state", call, "ended"));
        assertTrue(fixtures.eventsOnce(phone.id(), "callId=" + call + ", state=ENDED")
                .contains("reason=REMOTE_HANGUP"));
    }

    @Test
    void aPhoneKilledInTheMiddleOfSendingLosesAndDoublesNothingOnceRestarted() {
        Fixtures.Phone phone = fixtures.phone("killed");
        String[] slowDelivery = {"--sent-delay", "100", "--delivered-delay", "60000"};
        SimulatorProcess first = start(phone, slowDelivery);
        first.awaitLine(Pattern.compile("phone1 CONNECTED"));
        String text = Fixtures.uniqueName("Sortie au musée annulée");

        long sentBeforeKill = fixtures.sms(phone.id(), text, "+21650100023").get(0);
        String command = first.awaitLine(Pattern.compile("phone1 sending (\\S+) to \\+21650100023"))
                .group(1);
        first.awaitLine(acknowledged("sms_status", command, "sent"));
        assertTrue(fixtures.smsState(sentBeforeKill).startsWith("SENT "), fixtures.smsState(sentBeforeKill));
        first.kill();

        long queuedWhileDown =
                fixtures.sms(phone.id(), text + " (2)", "+21650100024").get(0);
        SimulatorProcess second = start(phone, "--sent-delay", "100", "--delivered-delay", "100");
        second.awaitLine(Pattern.compile("phone1 resuming " + Pattern.quote(command) + " after a restart"));
        second.awaitLine(Pattern.compile("phone1 CONNECTED"));
        String later = second.awaitLine(Pattern.compile("phone1 sending (\\S+) to \\+21650100024"))
                .group(1);
        second.awaitLine(acknowledged("sms_status", command, "delivered"));
        second.awaitLine(acknowledged("sms_status", later, "delivered"));

        assertEquals(
                "DELIVERED device=" + phone.id() + " attempts=1 reason=null"
                        + " | QUEUED DISPATCHED SENT_TO_PHONE SENT DELIVERED",
                fixtures.smsState(sentBeforeKill));
        assertEquals(
                "DELIVERED device=" + phone.id() + " attempts=1 reason=null"
                        + " | QUEUED DISPATCHED SENT_TO_PHONE SENT DELIVERED",
                fixtures.smsState(queuedWhileDown));
        assertEquals(1, first.count(Pattern.compile("phone1 sending " + Pattern.quote(command) + " .*")));
        assertEquals(0, second.count(Pattern.compile("phone1 sending " + Pattern.quote(command) + " .*")), "sent once");
        assertEquals(
                List.of(command + " SUCCEEDED", later + " SUCCEEDED"),
                fixtures.read("commands", phone.id()).lines().toList(),
                "one command per message");
    }

    @Test
    void aPhonePairedWithTheLinkConnectsOverTlsPinningTheCertificateAndReportsAnIncomingSms() {
        String link = pairingLinkOverHttps();
        SimulatorProcess simulator = start(List.of("--link", link));
        simulator.awaitLine(Pattern.compile("phone1 CONNECTED tls-\\S+"));

        String number = "+21650100025";
        simulator.type("sms " + number + " Sami est malade aujourd'hui");
        simulator.awaitLine(Pattern.compile("phone1 acknowledged .*\"action\":\"sms_received\".*"));

        assertEquals("RECEIVED Sami est malade aujourd'hui", fixtures.incoming(number));
    }

    @Test
    void aPhoneWithAWrongPinRefusesTheServer() {
        String link = pairingLinkOverHttps().replaceFirst("sha256=[0-9a-f]{64}", "sha256=" + "ab".repeat(32));
        SimulatorProcess simulator = start(List.of("--link", link));

        simulator.awaitLine(Pattern.compile("phone1 WAITING .*"));
        assertEquals(0, simulator.count(Pattern.compile("phone1 CONNECTED.*")));
    }

    /**
     * The link an admin gets on the Phones page opened over HTTPS. As in real life, the admin's browser has done a TLS
     * handshake with the listener before: on a cold Payara under load the first one can outlast the 3 s the server
     * allows itself for reading its own certificate, and the link would come without a fingerprint.
     */
    private String pairingLinkOverHttps() {
        int port = Integer.parseInt(System.getProperty("it.ssl.port"));
        try {
            SSLContext anyCertificate = SSLContext.getInstance("TLS");
            anyCertificate.init(null, new TrustManager[] {new LookOnly()}, null);
            try (SSLSocket browser =
                    (SSLSocket) anyCertificate.getSocketFactory().createSocket()) {
                browser.connect(new InetSocketAddress("localhost", port), 30_000);
                browser.setSoTimeout(30_000);
                browser.startHandshake();
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no TLS handshake with the HTTPS listener", e);
        }
        String link = fixtures.pairingLink("https://localhost:" + port);
        assertTrue(link.contains("&sha256="), link);
        return link;
    }

    /** Accepts whatever certificate: the handshake is only there to warm the listener up, nothing is sent. */
    private static final class LookOnly implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // looked at, never relied on
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private static Pattern acknowledged(String action, String ref, String state) {
        String refField = action.equals("call_state") ? "\"call\":\"" : "\"ref\":\"";
        return Pattern.compile("phone1 acknowledged \\{\"action\":\"" + action + "\".*" + Pattern.quote(refField + ref)
                + "\".*" + (state == null ? "" : Pattern.quote("\"state\":\"" + state + "\"") + ".*"));
    }

    private SimulatorProcess start(Fixtures.Phone phone, String... options) {
        List<String> arguments =
                new ArrayList<>(List.of("--server", TestPhone.uri(base, "").toString(), "--token", phone.token()));
        arguments.addAll(List.of(options));
        return start(arguments);
    }

    private SimulatorProcess start(List<String> options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--state",
                state.toString()));
        command.addAll(options);
        SimulatorProcess process = new SimulatorProcess(command);
        processes.add(process);
        return process;
    }

    /** The simulator's process: its output read line by line, its input typed on. */
    private static final class SimulatorProcess {
        private static final Duration DEADLINE = Duration.ofSeconds(30);

        private final Process process;
        private final PrintStream input;
        private final List<String> lines = new ArrayList<>();

        SimulatorProcess(List<String> command) {
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            input = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread reader = new Thread(this::read, "simulator-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    synchronized (this) {
                        lines.add(line);
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }

        void type(String line) {
            input.println(line);
        }

        /** Waits for a line starting as the pattern says (or finds it among those printed); fails after the deadline. */
        synchronized Matcher awaitLine(Pattern pattern) {
            Instant deadline = Instant.now().plus(DEADLINE);
            while (true) {
                for (String line : lines) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.lookingAt()) {
                        return matcher;
                    }
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0) {
                    fail("the simulator printed no line like " + pattern + " in " + DEADLINE.toSeconds() + " s:\n"
                            + String.join("\n", lines));
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        synchronized long count(Pattern pattern) {
            return lines.stream()
                    .filter(line -> pattern.matcher(line).matches())
                    .count();
        }

        void kill() {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
