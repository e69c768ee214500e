package io.factum.kafka;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;

class SqliteKafkaProjectionTest extends KafkaProjectionContract {

    @Override
    JdbcEventStore openReadModel(Path dir) {
        return SqliteEventStore.open(dir.resolve("read-model.db"));
    }

    @Override
    void dropTables(JdbcEventStore readModel, String... extraTables) {
        // The file goes with the temporary directory.
    }
}
