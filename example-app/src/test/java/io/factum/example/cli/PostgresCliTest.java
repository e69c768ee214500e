package io.factum.example.cli;

import io.factum.example.app.StoreLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The end-to-end tests on the real PostgreSQL server: {@code FACTUM_TEST_PG_URL}, else
 * 127.0.0.1:5432, database {@code test}, user {@code postgres}. Each test gets its own table prefix.
 * An unreachable server fails the tests: it never skips them.
 */
class PostgresCliTest extends CliEndToEndTest {

    private static final String URL = System.getenv().getOrDefault("FACTUM_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private String prefix;

    @BeforeAll
    static void serverIsReachable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL at " + URL + " is unreachable; start it (see .ci/run) or set FACTUM_TEST_PG_URL", e);
        }
    }

    @BeforeEach
    void uniquePrefix() {
        prefix = "app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    /** Drops this test's tables, so the shared database does not fill up with test data. */
    @AfterEach
    void dropTables() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL);
             PreparedStatement tables = connection.prepareStatement(
                     "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE ?")) {
            tables.setString(1, prefix + "%");
            List<String> names = new ArrayList<>();
            try (ResultSet rows = tables.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            try (Statement drop = connection.createStatement()) {
                for (String name : names) {
                    drop.execute("DROP TABLE " + name + " CASCADE");
                }
            }
        }
    }

    @Override
    List<String> storeOptions() {
        return List.of("--store", URL, "--table-prefix", prefix);
    }

    @Override
    StoreLocation location() {
        return new StoreLocation(URL, prefix);
    }
}
