package io.factum.store.sqlite;

import io.factum.store.EventStore;
import io.factum.store.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against SQLite with group commit off: appends of this JVM queue on a fair lock instead. */
class SqliteEventStoreWithoutGroupCommitTest extends EventStoreContract {

    @TempDir
    Path directory;

    @Override
    protected EventStore newStore() {
        return SqliteEventStore.builder(SqliteEventStore.dataSource(directory.resolve("events.db"))).groupCommit(false).build();
    }
}
