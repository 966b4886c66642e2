package org.switchboard.benchmark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.switchboard.contact.ContactQuery;
import org.switchboard.contact.ContactService;
import org.switchboard.platform.DatabaseMigration;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

/**
 * The contacts page on the same 100,000-contact directory as {@link CallerLookupBenchmark} (which loads it; run both
 * with {@code ./mvnw verify -Pbenchmark}): one page of 25 plus the total count, for the searches people type.
 */
@ContainerTest
@Tag("benchmark")
class ContactSearchBenchmark {

    private static final int SEARCHES = 200;
    private static final int PAGE = 25;

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClasses(ContactSearchBenchmark.class, CallerLookupBenchmark.class);
    }

    @Inject
    private ContactService contacts;

    @Test
    void contactPageSearchLatency() throws Exception {
        DataSource dataSource = InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
            CallerLookupBenchmark.load(connection);
        }
        Random random = new Random(7);
        Map<String, IntFunction<ContactQuery>> searches = new LinkedHashMap<>();
        searches.put("first page, no filter", i -> ContactQuery.ALL);
        searches.put("name fragment", i -> new ContactQuery("person" + random.nextInt(100_000), null));
        searches.put(
                "whole number, other format",
                i -> new ContactQuery("00216 " + (20_000_000 + 2 * random.nextInt(100_000)), null));
        searches.put("part of a number", i -> new ContactQuery(String.valueOf(1_000 + random.nextInt(8_999)), null));
        StringBuilder report = new StringBuilder(String.format(
                "Contacts page on %s, 100,000 contacts: a page of %d and the count, %d searches each%n",
                database, PAGE, SEARCHES));
        for (Map.Entry<String, IntFunction<ContactQuery>> search : searches.entrySet()) {
            long[] nanos = new long[SEARCHES];
            for (int i = -SEARCHES / 4; i < SEARCHES; i++) {
                ContactQuery query = search.getValue().apply(i);
                long start = System.nanoTime();
                contacts.search(query, 0, PAGE);
                long total = contacts.count(query);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
                assertTrue(total >= 0);
            }
            Arrays.sort(nanos);
            report.append(String.format(
                    "  %-28s p50 %6.2f ms, p99 %6.2f ms%n",
                    search.getKey(), nanos[SEARCHES / 2] / 1e6, nanos[(int) Math.ceil(SEARCHES * 0.99) - 1] / 1e6));
        }
        System.out.println("\n==== BENCHMARK ====\n" + report + "===================");
        Path out = Path.of(System.getProperty("benchmark.report.dir", "target/benchmark"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("contact-search-" + database.toLowerCase() + ".txt"), report);
    }
}
