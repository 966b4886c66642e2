package org.switchboard.companion.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    private static final String TOKEN = "sbp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    private static final String OTHER = "sbp_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq";

    @Test
    void readsAServerAndItsTokens() {
        Simulator.SimulatorOptions options = Simulator.SimulatorOptions.parse(new String[] {
            "--server",
            "ws://127.0.0.1:8080/ws/phone",
            "--token",
            TOKEN + "," + OTHER,
            "--phones",
            "2",
            "--sent-delay",
            "0",
            "--failure-rate",
            "0.25"
        });
        assertEquals(List.of(TOKEN, OTHER), options.tokens);
        assertEquals(0, options.sentDelayMillis);
        assertEquals(0.25, options.failureRate);
    }

    @Test
    void readsAPairingLink() {
        Simulator.SimulatorOptions options = Simulator.SimulatorOptions.parse(new String[] {
            "--link", "switchboard://pair?server=ws%3A%2F%2F10.0.0.5%3A8080%2Fws%2Fphone&token=" + TOKEN
        });
        assertEquals("ws://10.0.0.5:8080/ws/phone", options.server.toString());
        assertEquals(List.of(TOKEN), options.tokens);
    }

    @Test
    void eachFaultIsNamed() {
        assertEquals("give --link, or --server and --token", fault());
        assertEquals(
                "--phones 2 needs 2 token(s), one per phone; got 1",
                fault("--server", "ws://x/ws/phone", "--token", TOKEN, "--phones", "2"));
        assertEquals(
                "--failure-rate is a number from 0 to 1",
                fault("--server", "ws://x/ws/phone", "--token", TOKEN, "--failure-rate", "2"));
        assertEquals(
                "--sent-delay is a number of milliseconds, 0 or more",
                fault("--server", "ws://x/ws/phone", "--token", TOKEN, "--sent-delay", "-5"));
        assertEquals("unknown option --colour", fault("--colour", "red"));
        assertEquals("--token needs a value", fault("--server", "ws://x/ws/phone", "--token"));
        assertEquals(
                "the server must be a ws:// or wss:// address",
                fault("--server", "http://x/ws/phone", "--token", TOKEN));
    }

    @Test
    void segmentsAreCountedAsPhonesDo() {
        assertEquals(1, Segments.count("a".repeat(160)));
        assertEquals(2, Segments.count("a".repeat(161)));
        assertEquals(3, Segments.count("a".repeat(307)));
        assertEquals(1, Segments.count("é".repeat(160)), "é is in the GSM alphabet");
        assertEquals(2, Segments.count("ê".repeat(71)), "ê is not: UCS-2, 67 a part");
        assertEquals(2, Segments.count("€".repeat(81)), "€ takes two septets");
    }

    private static String fault(String... arguments) {
        return assertThrows(IllegalArgumentException.class, () -> Simulator.SimulatorOptions.parse(arguments))
                .getMessage();
    }
}
