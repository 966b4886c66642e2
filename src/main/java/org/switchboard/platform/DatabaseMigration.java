package org.switchboard.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the Liquibase changelogs before anything else touches the database.
 *
 * <p>The data source is defined here, in the application, so that one WAR runs on embedded H2 or on PostgreSQL
 * by configuration alone.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATA_SOURCE,
        className = "${MPCONFIG=switchboard.db.class}",
        url = "${MPCONFIG=switchboard.db.url}",
        user = "${MPCONFIG=switchboard.db.user}",
        password = "${MPCONFIG=switchboard.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32)
@ApplicationScoped
public class DatabaseMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/switchboard";
    static final String CHANGELOG = "liquibase/changelog.xml";
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            LOG.info(() -> "Applying database changelog to " + database.getDatabaseProductName() + " at "
                    + database.getConnection().getURL());
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(),
                    new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    // Liquibase would otherwise fetch its analytics settings from the internet.
                    "liquibase.analytics.enabled",
                    false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        }
    }
}
