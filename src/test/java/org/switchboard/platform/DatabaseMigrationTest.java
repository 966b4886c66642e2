package org.switchboard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.switchboard.testing.ContainerTest;
import org.switchboard.testing.Deployments;

@ContainerTest
class DatabaseMigrationTest {

    private static final Pattern INCLUDE = Pattern.compile("<include file=\"([^\"]+)\"");
    private static final Pattern CHANGESET = Pattern.compile("<changeSet id=\"([^\"]+)\"([^>]*)>");
    private static final Pattern DBMS = Pattern.compile("dbms=\"([^\"]+)\"");

    @Deployment
    static WebArchive deployment() {
        return Deployments.switchboard().addClass(DatabaseMigrationTest.class);
    }

    @Inject
    @Readiness
    private DatabaseReadiness readiness;

    @Test
    void everyChangesetOfTheChangelogIsAppliedAtStartup() throws Exception {
        Set<String> applied = new HashSet<>();
        String database;
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from databasechangelog")) {
            database = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
        }
        List<String> declared = declaredChangesets(database);
        assertTrue(declared.size() >= 3, "changesets found in liquibase/: " + declared);
        assertTrue(applied.containsAll(declared), "declared " + declared + ", applied " + applied);
    }

    @Test
    void runsOnTheDatabaseTheTestPassChose() throws Exception {
        try (Connection connection = dataSource().getConnection()) {
            assertEquals(
                    System.getProperty("it.expected.database"),
                    connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void readinessCheckReportsTheDatabaseUp() {
        HealthCheckResponse response = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("database", response.getName());
    }

    /** The changesets for this database: those for no database in particular, and those naming it. */
    private static List<String> declaredChangesets(String database) throws IOException {
        List<String> ids = new ArrayList<>();
        Matcher include = INCLUDE.matcher(resource(DatabaseMigration.CHANGELOG));
        while (include.find()) {
            Matcher changeset = CHANGESET.matcher(resource("liquibase/" + include.group(1)));
            while (changeset.find()) {
                Matcher dbms = DBMS.matcher(changeset.group(2));
                if (!dbms.find() || List.of(dbms.group(1).split(",")).contains(database)) {
                    ids.add(changeset.group(1));
                }
            }
        }
        return ids;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DatabaseMigrationTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("not on the class path: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static DataSource dataSource() throws NamingException, SQLException {
        return InitialContext.doLookup(DatabaseMigration.DATA_SOURCE);
    }
}
