package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.platform.DatabaseMigration;
import org.switchboard.sms.HistoryFilter;
import org.switchboard.sms.MessageState;
import org.switchboard.sms.SmsMessage;
import org.switchboard.sms.SmsOutbox;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

/**
 * The SMS history over a million messages: the page's count and first page (and a deep page) through
 * {@link SmsOutbox}, with no filter and with each kind of filter. The rows are written once by one set-based insert,
 * in final states so that no dispatcher touches them. Run with {@code ./mvnw verify -Pbenchmark}; it prints and writes
 * its figures (the median of five runs of each query).
 */
@ContainerTest
@Tag("benchmark")
class SmsHistoryBenchmark {

    private static final int ROWS = 1_000_000;
    private static final String SENDER = "bench-history";
    private static final int RUNS = 5;

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClass(SmsHistoryBenchmark.class);
    }

    @Inject
    private SmsOutbox outbox;

    @Test
    void aMillionMessages() throws Exception {
        long inserted = fill();
        Instant day = Instant.parse("2026-01-01T00:00:00Z");
        List<Case> cases = List.of(
                new Case("no filter", HistoryFilter.NONE, 0),
                new Case("no filter, page 20,000", HistoryFilter.NONE, 500_000),
                new Case("state FAILED", HistoryFilter.of(MessageState.FAILED), 0),
                new Case("sender", filter(null, null, SENDER, null), 0),
                new Case(
                        "one day", filter(day.plus(30, ChronoUnit.DAYS), day.plus(31, ChronoUnit.DAYS), null, null), 0),
                new Case("text search (1 in 1,000)", filter(null, null, null, "kermesse"), 0),
                new Case("text search, no match", filter(null, null, null, "introuvable"), 0));
        StringBuilder report = new StringBuilder(String.format(
                "SMS history over %,d messages (%,d inserted by this run), median of %d runs%n"
                        + "  %-28s %10s %12s %8s%n",
                ROWS, inserted, RUNS, "filter", "count ms", "page ms", "rows"));
        for (Case query : cases) {
            double countMillis = median(() -> outbox.count(query.filter()));
            double pageMillis = median(() -> outbox.page(query.filter(), query.first(), 25));
            long matching = outbox.count(query.filter());
            List<SmsMessage> page = outbox.page(query.filter(), query.first(), 25);
            assertTrue(matching == 0 || !page.isEmpty(), query.name());
            report.append(
                    String.format("  %-28s %10.1f %12.1f %,8d%n", query.name(), countMillis, pageMillis, matching));
        }
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("sms-history.txt"), report);
    }

    private record Case(String name, HistoryFilter filter, int first) {}

    private static HistoryFilter filter(Instant from, Instant until, String sender, String text) {
        return new HistoryFilter(null, from, until, null, sender, null, null, null, text);
    }

    private static double median(Supplier<?> query) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    /** Inserts the million rows unless an earlier run on the same database did. */
    private long fill() throws Exception {
        DataSource dataSource = InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            var existing =
                    statement.executeQuery("select count(*) from sms_message where created_by = '" + SENDER + "'");
            existing.next();
            long have = existing.getLong(1);
            if (have >= ROWS) {
                return 0;
            }
            boolean postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
            String rows = postgres ? "generate_series(1, " + ROWS + ") as r(x)" : "system_range(1, " + ROWS + ") as r";
            String x = "r.x";
            String createdAt = postgres
                    ? "timestamptz '2026-01-01 00:00:00+00' + " + x + " * interval '30 seconds'"
                    : "dateadd(second, " + x + " * 30, timestamp with time zone '2026-01-01 00:00:00+00')";
            int count = statement.executeUpdate("insert into sms_message (recipient, text, encoding, parts, state,"
                    + " created_by, created_at, send_after, expires_at, attempts, updated_at)"
                    + " select concat('+2165', lpad(cast(mod(" + x + ", 9999999) as varchar(7)), 7, '0')),"
                    + " concat('Rappel ', " + x + ", case when mod(" + x + ", 1000) = 0 then ' kermesse' else '' end),"
                    + " 'GSM_7', 1,"
                    + " case mod(" + x + ", 3) when 0 then 'DELIVERED' when 1 then 'SENT' else 'FAILED' end,"
                    + " '" + SENDER + "', " + createdAt + ", " + createdAt + ", " + createdAt + ", 1, " + createdAt
                    + " from " + rows);
            assertEquals(ROWS, count);
            return count;
        }
    }
}
