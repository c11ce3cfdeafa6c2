package org.learninglog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the tests' database (`test`, as `%test.quarkus.datasource.jdbc.url` names it) on the local server before
 * the service starts, so `./mvnw verify` needs nothing created by hand. Applies to every {@code @QuarkusTest}.
 */
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String SERVER = "jdbc:postgresql://localhost:5432/postgres";
    static final String DATABASE = "test";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DUPLICATE_OBJECT = "42710";

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(SERVER, "postgres", "postgres");
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            boolean found;
            try (ResultSet rows = exists.executeQuery()) {
                found = rows.next();
            }
            if (!found) {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            // Another test run, started at the same moment, created it first.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create the test database on " + SERVER, e);
            }
        }
        createExtensions();
        return Map.of();
    }

    /**
     * The search's extensions, in `public`: were they created in a test run's own schema (as the migration does
     * where none exist), cleaning that schema at the next start would drop them under every other run.
     */
    private static void createExtensions() {
        String url = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + DATABASE;
        for (String extension : new String[] { "unaccent", "pg_trgm", "btree_gin" }) {
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement create = connection.createStatement()) {
                create.execute("CREATE EXTENSION IF NOT EXISTS " + extension + " SCHEMA public");
            } catch (SQLException e) {
                // Another run created it at the same moment (a unique violation): it is there.
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !DUPLICATE_OBJECT.equals(e.getSQLState())) {
                    throw new IllegalStateException("Could not create the extension " + extension + " on " + url, e);
                }
            }
        }
    }

    @Override
    public void stop() {
        // The database stays: every run cleans its own schema at start.
    }
}
