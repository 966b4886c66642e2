package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.platform.DatabaseMigration;
import org.switchboard.sms.SmsService;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

/**
 * Queueing a 10,000-recipient bulk send through {@link SmsService}, next to a raw JDBC batch insert of the same rows
 * in the same run. The messages are scheduled years ahead (and the raw rows cancelled) so that no later run hands
 * them to its test phones. Run with {@code ./mvnw verify -Pbenchmark}; it prints and writes its figures.
 */
@ContainerTest
@Tag("benchmark")
class SmsQueueBenchmark {

    private static final int RECIPIENTS = 10_000;
    private static final int ROUNDS = 5;
    private static final String TEXT = "Rappel : réunion des parents jeudi à 18h. Merci de confirmer votre présence.";

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClass(SmsQueueBenchmark.class);
    }

    @Inject
    private SmsService sms;

    @Test
    void queueingTenThousandRecipients() throws Exception {
        Random random = new Random();
        long warmUpStart = System.nanoTime();
        sms.send("benchmark", request(numbers(random, 500)));
        long warmUpMillis = (System.nanoTime() - warmUpStart) / 1_000_000;

        DataSource dataSource = InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
        List<Double> serviceMillis = new ArrayList<>();
        List<Double> rawMillis = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Alternating which goes first, so that neither always meets the database the other just warmed.
            if (round % 2 == 0) {
                rawMillis.add(rawInsert(dataSource, numbers(random, RECIPIENTS)));
                serviceMillis.add(serviceSend(numbers(random, RECIPIENTS)));
            } else {
                serviceMillis.add(serviceSend(numbers(random, RECIPIENTS)));
                rawMillis.add(rawInsert(dataSource, numbers(random, RECIPIENTS)));
            }
        }
        double service = median(serviceMillis);
        double raw = median(rawMillis);
        String report = String.format(
                "SMS queueing, %,d recipients in one request, median of %d rounds (warm-up of 500 took %,d ms)%n"
                        + "  SmsService.send (messages, batch, audit, commit): %,.0f ms (%,.0f messages/s)  rounds %s%n"
                        + "  raw JDBC batch insert of the same rows, commit:   %,.0f ms (%,.0f rows/s)  rounds %s%n"
                        + "  service speed / raw speed: %.2f%n",
                RECIPIENTS,
                ROUNDS,
                warmUpMillis,
                service,
                RECIPIENTS / service * 1000,
                rounded(serviceMillis),
                raw,
                RECIPIENTS / raw * 1000,
                rounded(rawMillis),
                raw / service);
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("sms-queue.txt"), report);
    }

    private double serviceSend(List<String> numbers) {
        long start = System.nanoTime();
        SmsService.Sent sent = sms.send("benchmark", request(numbers));
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(RECIPIENTS, sent.messages().size());
        return millis;
    }

    private static double rawInsert(DataSource dataSource, List<String> numbers) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sms_message (recipient, text, encoding, parts, state, created_by, created_at,"
                            + " send_after, expires_at, attempts, updated_at)"
                            + " values (?, ?, 'GSM_7', 1, 'CANCELLED', 'benchmark', ?, ?, ?, 0, ?)")) {
                for (String number : numbers) {
                    insert.setString(1, number);
                    insert.setString(2, TEXT);
                    insert.setObject(3, now);
                    insert.setObject(4, now);
                    insert.setObject(5, now);
                    insert.setObject(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static SmsService.Request request(List<String> numbers) {
        return new SmsService.Request(
                SmsService.Recipients.numbers(numbers),
                TEXT,
                null,
                null,
                Instant.now().plus(3650, ChronoUnit.DAYS),
                null);
    }

    /** Distinct Tunisian mobiles in a random block, so that runs do not repeat one another. */
    private static List<String> numbers(Random random, int count) {
        long first = 50_000_000L + random.nextInt(9_000_000);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add("+216" + (first + i));
        }
        return numbers;
    }
}
