package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class SqlitePartitionedTest extends PartitionedBehaviour {

    @TempDir
    Path directory;

    @Override
    protected JdbcEventStore newStore() {
        return SqliteEventStore.open(directory.resolve("events.db"));
    }

    @Override
    protected void dropTables(JdbcEventStore store) {
        // The file goes with the temporary directory.
    }

    @Override
    protected List<String> storeArguments() {
        return List.of("sqlite", directory.resolve("events.db").toString(), store.tables().prefix());
    }
}
