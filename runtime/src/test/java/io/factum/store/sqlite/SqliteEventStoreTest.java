package io.factum.store.sqlite;

import io.factum.store.EventStore;
import io.factum.store.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against SQLite, on a fresh database file per test. */
class SqliteEventStoreTest extends EventStoreContract {

    @TempDir
    Path directory;

    @Override
    protected EventStore newStore() {
        return SqliteEventStore.open(directory.resolve("events.db"));
    }
}
