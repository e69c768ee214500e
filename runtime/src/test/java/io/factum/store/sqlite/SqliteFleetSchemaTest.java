package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcFleetSchemaBehaviour;
import io.factum.store.jdbc.TableNames;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteFleetSchemaTest extends JdbcFleetSchemaBehaviour {

    @TempDir
    Path directory;

    private DataSource dataSource;

    @BeforeEach
    void newFile() {
        dataSource = SqliteEventStore.dataSource(directory.resolve("events.db"));
    }

    @Override
    protected JdbcEventStore newStore(String prefix) {
        return SqliteEventStore.builder(dataSource).tablePrefix(prefix).build();
    }

    @Override
    protected void dropTables(TableNames tables) {
        // The file goes with the temporary directory.
    }
}
