package org.switchboard.companion.simulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.switchboard.companion.core.CompanionClient;
import org.switchboard.companion.core.PairingLink;
import org.switchboard.companion.core.WebSocketTransport;

/**
 * Plays one or more companion phones against a Switchboard server, on the same core as the app. Its console is its
 * user interface: state changes and radio events are printed one a line, prefixed with the phone's name, and lines
 * typed on standard input act as the world outside (see {@link #USAGE}).
 */
public final class Simulator {

    static final String USAGE = String.join(
            "\n",
            "usage: java -jar switchboard-simulator.jar (--link 'switchboard://pair?…' | --server ws://…/ws/phone"
                    + " --token sbp_…[,sbp_…] [--sha256 HEX]) [options]",
            "  --phones N              connect N phones (give N tokens, comma-separated; default 1)",
            "  --state DIR             where the phones keep their logs and queues (default ./simulator-state)",
            "  --sent-delay MS         an SMS part is sent this long after the command (default 500)",
            "  --delivered-delay MS    and delivered this long after being sent (default 1500)",
            "  --failure-rate R        share of SMS with a failing part, 0 to 1 (default 0)",
            "  --seed N                random seed, for repeatable failures",
            "commands on standard input (to phone 1, or to phone N with a leading @N):",
            "  sms FROM TEXT…          an SMS arrives from FROM",
            "  ring FROM               a call rings from FROM",
            "  end [CALL]              the other party hangs up",
            "  battery LEVEL           the battery level changes (0-100)",
            "  quit                    disconnect and exit");

    private final List<CompanionClient> clients = new ArrayList<>();
    private final List<SimulatedTelephony> phones = new ArrayList<>();
    private final PrintStream console;

    private Simulator(PrintStream console) {
        this.console = console;
    }

    public static void main(String[] arguments) throws Exception {
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (List.of(arguments).contains("--help") || List.of(arguments).contains("-h")) {
            console.println(USAGE);
            return;
        }
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Simulator simulator = new Simulator(console);
        simulator.start(options);
        CountDownLatch quit = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop));
        Thread input = new Thread(() -> simulator.readCommands(quit), "console");
        input.setDaemon(true);
        input.start();
        // Standard input may be closed at once (run in the background): the phones stay up until quit or a signal.
        quit.await();
        System.exit(0);
    }

    private void start(SimulatorOptions options) {
        Random seeds = options.seed == null ? new Random() : new Random(options.seed);
        for (int i = 0; i < options.phones; i++) {
            String name = "phone" + (i + 1);
            Path state = options.state.resolve(name);
            SimulatedTelephony telephony = new SimulatedTelephony(
                    name,
                    state,
                    options.sentDelayMillis,
                    options.deliveredDelayMillis,
                    options.failureRate,
                    new Random(seeds.nextLong()),
                    Clock.systemUTC(),
                    console);
            PairingLink link = new PairingLink(options.server, options.tokens.get(i), options.sha256);
            CompanionClient client = new CompanionClient(
                    link,
                    new CompanionClient.Identity("simulator-0.1", "simulated", "Switchboard simulator " + (i + 1)),
                    state,
                    telephony,
                    new WebSocketTransport(),
                    Clock.systemUTC(),
                    new Random(seeds.nextLong()),
                    new CompanionClient.Timing(),
                    new CompanionClient.Listener() {
                        @Override
                        public void stateChanged(CompanionClient.State newState, String detail) {
                            console.println(name + " " + newState + " " + detail);
                        }

                        @Override
                        public void reportAcknowledged(String frame) {
                            console.println(name + " acknowledged " + frame);
                        }
                    });
            phones.add(telephony);
            clients.add(client);
            client.start();
        }
    }

    private void readCommands(CountDownLatch quit) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!command(line.trim())) {
                    quit.countDown();
                    return;
                }
            }
        } catch (java.io.IOException e) {
            console.println("console closed: " + e.getMessage());
        }
    }

    /** @return false to quit */
    boolean command(String line) {
        if (line.isEmpty()) {
            return true;
        }
        int phone = 0;
        if (line.startsWith("@")) {
            int space = line.indexOf(' ');
            try {
                phone = Integer.parseInt(line.substring(1, space < 0 ? line.length() : space)) - 1;
            } catch (NumberFormatException e) {
                console.println("error: @N names a phone by its number");
                return true;
            }
            line = space < 0 ? "" : line.substring(space + 1).trim();
        }
        if (phone < 0 || phone >= phones.size()) {
            console.println("error: there are " + phones.size() + " phone(s)");
            return true;
        }
        SimulatedTelephony telephony = phones.get(phone);
        String[] words = line.split("\\s+", 3);
        switch (words[0]) {
            case "sms" -> {
                if (words.length < 3) {
                    console.println("error: sms FROM TEXT");
                } else {
                    telephony.receiveSms(words[1], words[2]);
                }
            }
            case "ring" -> {
                if (words.length < 2) {
                    console.println("error: ring FROM");
                } else {
                    telephony.ring(words[1]);
                }
            }
            case "end" -> telephony.remoteHangUp(words.length > 1 ? words[1] : null);
            case "battery" -> {
                try {
                    int level = Integer.parseInt(words.length > 1 ? words[1] : "");
                    if (level < 0 || level > 100) {
                        throw new NumberFormatException();
                    }
                    telephony.battery(level);
                } catch (NumberFormatException e) {
                    console.println("error: battery LEVEL, 0 to 100");
                }
            }
            case "quit" -> {
                return false;
            }
            default -> console.println("error: unknown command '" + words[0] + "'\n" + USAGE);
        }
        return true;
    }

    private void stop() {
        for (CompanionClient client : clients) {
            client.close();
        }
        for (SimulatedTelephony telephony : phones) {
            telephony.close();
        }
    }

    /** The command line, checked: each fault is named. */
    static final class SimulatorOptions {
        URI server;
        List<String> tokens = new ArrayList<>();
        String sha256;
        int phones = 1;
        Path state = Path.of("simulator-state");
        long sentDelayMillis = 500;
        long deliveredDelayMillis = 1500;
        double failureRate;
        Long seed;

        static SimulatorOptions parse(String[] arguments) {
            SimulatorOptions options = new SimulatorOptions();
            String link = null;
            String server = null;
            String tokens = null;
            for (int i = 0; i < arguments.length; i++) {
                String name = arguments[i];
                if (i + 1 >= arguments.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = arguments[++i];
                switch (name) {
                    case "--link" -> link = value;
                    case "--server" -> server = value;
                    case "--token" -> tokens = value;
                    case "--sha256" -> options.sha256 = value;
                    case "--phones" -> options.phones = positive(name, value);
                    case "--state" -> options.state = Path.of(value);
                    case "--sent-delay" -> options.sentDelayMillis = millis(name, value);
                    case "--delivered-delay" -> options.deliveredDelayMillis = millis(name, value);
                    case "--failure-rate" -> {
                        try {
                            options.failureRate = Double.parseDouble(value);
                        } catch (NumberFormatException e) {
                            options.failureRate = -1;
                        }
                        if (!(options.failureRate >= 0 && options.failureRate <= 1)) {
                            throw new IllegalArgumentException("--failure-rate is a number from 0 to 1");
                        }
                    }
                    case "--seed" -> {
                        try {
                            options.seed = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed is a whole number");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (link != null) {
                if (server != null || tokens != null) {
                    throw new IllegalArgumentException("give either --link or --server and --token");
                }
                PairingLink pairing = PairingLink.parse(link);
                options.server = pairing.server();
                options.tokens.add(pairing.token());
                options.sha256 = pairing.certificateSha256();
            } else {
                if (server == null || tokens == null) {
                    throw new IllegalArgumentException("give --link, or --server and --token");
                }
                options.server = URI.create(server);
                for (String token : tokens.split(",")) {
                    options.tokens.add(token.trim());
                }
                // validates the address, the tokens and the fingerprint
                for (String token : options.tokens) {
                    new PairingLink(options.server, token, options.sha256);
                }
            }
            if (options.tokens.size() != options.phones) {
                throw new IllegalArgumentException("--phones " + options.phones + " needs " + options.phones
                        + " token(s), one per phone; got " + options.tokens.size());
            }
            return options;
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            throw new IllegalArgumentException(name + " is a whole number above 0");
        }

        private static long millis(String name, String value) {
            try {
                long number = Long.parseLong(value);
                if (number >= 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            throw new IllegalArgumentException(name + " is a number of milliseconds, 0 or more");
        }
    }
}
