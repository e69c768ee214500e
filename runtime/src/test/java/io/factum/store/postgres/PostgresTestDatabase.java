package io.factum.store.postgres;

import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL server the tests run against. Its URL comes from the environment variable
 * {@value #URL_VARIABLE}, default {@value #DEFAULT_URL}. An unreachable server fails the tests
 * with a message saying so; nothing is skipped.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "FACTUM_TEST_PG_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private PostgresTestDatabase() {}

    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** A data source for the test database, checked to be reachable. */
    public static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url());
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + url() + " (set " + URL_VARIABLE
                    + " to point the tests elsewhere, or start the server): " + e.getMessage(), e);
        }
        return dataSource;
    }

    /** A table prefix no other test (or concurrently running build) uses. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    /** Drops the store's tables. */
    public static void dropTables(DataSource dataSource, TableNames tables) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + tables.events() + ", " + tables.checkpoints() + ", "
                    + tables.parkedEvents() + ", " + tables.leases() + ", " + tables.leaseMembers() + ", " + tables.snapshots() + " CASCADE");
        } catch (SQLException e) {
            throw new AssertionError("Cannot drop test tables " + tables + ": " + e.getMessage(), e);
        }
    }
}
