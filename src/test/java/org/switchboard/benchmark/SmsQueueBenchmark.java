package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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

        List<String> numbers = numbers(random, RECIPIENTS);
        long start = System.nanoTime();
        SmsService.Sent sent = sms.send("benchmark", request(numbers));
        double serviceMillis = (System.nanoTime() - start) / 1e6;
        assertEquals(RECIPIENTS, sent.messages().size());

        DataSource dataSource = InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
        double rawMillis;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            start = System.nanoTime();
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
            rawMillis = (System.nanoTime() - start) / 1e6;
        }
        String report = String.format(
                "SMS queueing, %,d recipients in one request (warm-up of 500 took %,d ms)%n"
                        + "  SmsService.send (messages, timeline, batch, audit): %,.0f ms (%,.0f messages/s)%n"
                        + "  raw JDBC batch insert of the same rows:              %,.0f ms (%,.0f rows/s)%n"
                        + "  service speed / raw speed: %.2f%n",
                RECIPIENTS,
                warmUpMillis,
                serviceMillis,
                RECIPIENTS / serviceMillis * 1000,
                rawMillis,
                RECIPIENTS / rawMillis * 1000,
                rawMillis / serviceMillis);
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("sms-queue.txt"), report);
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
