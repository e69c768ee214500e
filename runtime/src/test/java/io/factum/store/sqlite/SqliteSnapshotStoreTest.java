package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcSnapshotBehaviour;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots and truncation against SQLite, on a fresh database file per test. */
class SqliteSnapshotStoreTest extends JdbcSnapshotBehaviour {

    @TempDir
    Path directory;

    @Override
    protected JdbcEventStore newStore(boolean allowTruncation) {
        return SqliteEventStore.builder(SqliteEventStore.dataSource(directory.resolve("events.db")))
                .allowTruncation(allowTruncation).build();
    }

    @Override
    protected void dropTables(JdbcEventStore store) {}
}
