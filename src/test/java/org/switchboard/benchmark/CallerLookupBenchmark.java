package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.contact.CallerLookup;
import org.switchboard.contact.ContactCard;
import org.switchboard.platform.DatabaseMigration;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

/**
 * Caller lookup latency on a school-sized directory: 100,000 contacts with 250,000 numbers, 10,000 lookups of known
 * and unknown numbers written the ways phones report them. It prints p50 / p90 / p99 / max and writes them to
 * {@code target/benchmark/}. Run with {@code ./mvnw verify -Pbenchmark}; it measures, it does not judge.
 */
@ContainerTest
@Tag("benchmark")
class CallerLookupBenchmark {

    private static final int CONTACTS = 100_000;
    private static final int LOOKUPS = 10_000;
    private static final int WARM_UP = 2_000;
    private static final int BATCH = 2_000;
    private static final String PREFIX = "bench-";
    private static final long FIRST_MOBILE = 20_000_000L;
    private static final long FIRST_LANDLINE = 70_000_000L;

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClass(CallerLookupBenchmark.class);
    }

    @Inject
    private CallerLookup lookup;

    @Test
    void callerLookupLatency() throws Exception {
        DataSource dataSource = InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
        String database;
        long loadMillis;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
            long start = System.nanoTime();
            int numbers = load(connection);
            loadMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(250_000, numbers, "the directory holds 250,000 numbers");
        }
        Random random = new Random(42);
        for (int i = 0; i < WARM_UP; i++) {
            lookup.lookup(reported(random));
        }
        long[] nanos = new long[LOOKUPS];
        int found = 0;
        long gcMillisBefore = gcMillis();
        long gcCountBefore = gcCount();
        for (int i = 0; i < LOOKUPS; i++) {
            String number = reported(random);
            long start = System.nanoTime();
            List<ContactCard> cards = lookup.lookup(number);
            nanos[i] = System.nanoTime() - start;
            found += cards.isEmpty() ? 0 : 1;
        }
        long gcMillis = gcMillis() - gcMillisBefore;
        long gcCount = gcCount() - gcCountBefore;
        Arrays.sort(nanos);
        String report = String.format(
                "Caller lookup on %s: %,d contacts, 250,000 numbers (loaded in %,d ms)%n"
                        + "%,d lookups (%,d found): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n"
                        + "garbage collections during the lookups: %d, %d ms in all%n",
                database,
                CONTACTS,
                loadMillis,
                LOOKUPS,
                found,
                millis(nanos, 0.50),
                millis(nanos, 0.90),
                millis(nanos, 0.99),
                nanos[LOOKUPS - 1] / 1e6,
                gcCount,
                gcMillis);
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("caller-lookup-" + database.toLowerCase() + ".txt"), report);
        assertTrue(found > LOOKUPS / 2, "most lookups are of known numbers");
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }

    /** A number as a phone might report it: 70% known in one of four formats, 30% unknown. */
    private static String reported(Random random) {
        boolean known = random.nextInt(10) < 7;
        long national;
        if (known) {
            int contact = random.nextInt(CONTACTS);
            national = random.nextBoolean() ? FIRST_MOBILE + contact * 2L : FIRST_LANDLINE + contact;
        } else {
            national = 90_000_000L + random.nextInt(9_999_999);
        }
        String digits = String.valueOf(national);
        return switch (random.nextInt(4)) {
            case 0 -> digits;
            case 1 -> "+216" + digits;
            case 2 -> "00216" + digits;
            default -> digits.substring(0, 2) + " " + digits.substring(2, 5) + " " + digits.substring(5);
        };
    }

    /**
     * Loads the directory with plain JDBC batches, unless an earlier run did: contact i has the mobiles
     * 20,000,000 + 2i and + 2i + 1, and every even contact a landline 70,000,000 + i; every other contact an invoice.
     */
    static int load(Connection connection) throws SQLException {
        if (count(connection, "select count(*) from contact where external_id like '" + PREFIX + "%'") < CONTACTS) {
            connection.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into contact (external_id, first_name, last_name, search_name, kind, created_at,"
                            + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < CONTACTS; i++) {
                    String last = "Family" + (i / 3);
                    insert.setString(1, PREFIX + i);
                    insert.setString(2, "Person" + i);
                    insert.setString(3, last);
                    insert.setString(4, ("person" + i + " " + last).toLowerCase());
                    insert.setString(5, i % 3 == 0 ? "GUARDIAN" : "STUDENT");
                    insert.setObject(6, now);
                    insert.setObject(7, now);
                    addAndFlush(insert, i, connection);
                }
                insert.executeBatch();
                connection.commit();
            }
            Map<Integer, Long> ids = new HashMap<>();
            try (Statement select = connection.createStatement();
                    ResultSet rows = select.executeQuery(
                            "select id, external_id from contact where external_id like '" + PREFIX + "%'")) {
                while (rows.next()) {
                    ids.put(Integer.parseInt(rows.getString(2).substring(PREFIX.length())), rows.getLong(1));
                }
            }
            try (PreparedStatement number = connection.prepareStatement(
                            "insert into phone_number (contact_id, raw, e164, label) values (?, ?, ?, ?)");
                    PreparedStatement invoice = connection.prepareStatement(
                            "insert into invoice (number, contact_id, issue_date, due_date, amount, amount_paid,"
                                    + " currency, status, updated_at) values (?, ?, ?, ?, 300, 100, 'TND',"
                                    + " 'PARTIAL', ?)")) {
                int added = 0;
                for (int i = 0; i < CONTACTS; i++) {
                    long id = ids.get(i);
                    List<String[]> numbers = new ArrayList<>();
                    numbers.add(new String[] {String.valueOf(FIRST_MOBILE + i * 2L), "MOBILE"});
                    if (i % 2 == 0) {
                        numbers.add(new String[] {String.valueOf(FIRST_MOBILE + i * 2L + 1), "MOBILE"});
                        numbers.add(new String[] {String.valueOf(FIRST_LANDLINE + i), "HOME"});
                    } else {
                        numbers.add(new String[] {String.valueOf(FIRST_LANDLINE + i), "WORK"});
                    }
                    for (String[] n : numbers) {
                        number.setLong(1, id);
                        number.setString(2, n[0]);
                        number.setString(3, "+216" + n[0]);
                        number.setString(4, n[1]);
                        addAndFlush(number, added++, connection);
                    }
                    if (i % 2 == 0) {
                        invoice.setString(1, PREFIX + "INV-" + i);
                        invoice.setLong(2, id);
                        invoice.setObject(3, LocalDate.of(2026, 10, 1));
                        invoice.setObject(4, LocalDate.of(2026, 10, 31));
                        invoice.setObject(5, now);
                        invoice.addBatch();
                    }
                }
                number.executeBatch();
                invoice.executeBatch();
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
        // Fresh bulk data has no planner statistics yet; in use, autovacuum (PostgreSQL) or H2 gathers them.
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE");
        }
        return (int) count(
                connection,
                "select count(*) from phone_number p join contact c on c.id = p.contact_id where c.external_id like '"
                        + PREFIX + "%'");
    }

    private static void addAndFlush(PreparedStatement statement, int index, Connection connection) throws SQLException {
        statement.addBatch();
        if ((index + 1) % BATCH == 0) {
            statement.executeBatch();
            connection.commit();
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
