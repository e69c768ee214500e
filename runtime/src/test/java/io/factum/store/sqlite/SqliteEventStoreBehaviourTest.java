package io.factum.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcEventStoreBehaviour;
import io.factum.store.jdbc.TableNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcEventStoreBehaviour} on a fresh SQLite file per test, plus SQLite's own settings. */
class SqliteEventStoreBehaviourTest extends JdbcEventStoreBehaviour {

    @TempDir
    Path directory;

    private Path file;
    private DataSource dataSource;

    @BeforeEach
    void newFile() {
        file = directory.resolve("events.db");
        dataSource = SqliteEventStore.dataSource(file);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected JdbcEventStore newStore(DataSource dataSource, String prefix, boolean createSchemaOnFirstUse) {
        return SqliteEventStore.builder(dataSource).tablePrefix(prefix).createSchemaOnFirstUse(createSchemaOnFirstUse).build();
    }

    @Override
    protected boolean reusesPositionsOfRolledBackAppends() {
        return true;
    }

    @Override
    protected List<String> corruptEnvelopes() {
        return List.of("headers = 'not json'", "event_id = 'not-a-uuid'", "correlation_id = 'zzz'",
                "headers = '{\"h\": 1}'");
    }

    @Override
    protected List<String> appendLoopArguments(String prefix) {
        return List.of("sqlite", file.toString(), prefix);
    }

    @Override
    protected void dropTables(TableNames tables, List<String> readModels) {
        // The file is deleted with the temporary directory.
    }

    @Test
    void theFileIsInWalModeWithFullSyncAndABusyTimeout() throws SQLException {
        JdbcEventStore store = store();
        store.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).isEqualTo("2");
            assertThat(pragma(statement, "busy_timeout")).isEqualTo(String.valueOf(SqliteEventStore.BUSY_TIMEOUT_MILLIS));
        }
    }

    @Test
    void openUsesDefaultTableNamesInOneFile() {
        try (SqliteEventStore store = SqliteEventStore.open(directory.resolve("default.db"))) {
            store.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
            assertThat(store.tables().events()).isEqualTo("factum_events");
            assertThat(store.readAll(0, 10)).hasSize(1);
        }
        try (SqliteEventStore reopened = SqliteEventStore.open(directory.resolve("default.db"))) {
            assertThat(reopened.streamRevision("Order-1")).isZero();
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
