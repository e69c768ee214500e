package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcGroupCommitBehaviour;
import io.factum.store.jdbc.TableNames;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcGroupCommitBehaviour} on a fresh SQLite file per test. */
class SqliteGroupCommitTest extends JdbcGroupCommitBehaviour {

    @TempDir
    Path directory;

    private DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = SqliteEventStore.dataSource(directory.resolve("events.db"));
        }
        return dataSource;
    }

    @Override
    protected JdbcEventStore newStore(DataSource dataSource, String prefix, boolean groupCommit) {
        return SqliteEventStore.builder(dataSource).tablePrefix(prefix).groupCommit(groupCommit).build();
    }

    @Override
    protected void dropTables(TableNames tables) {
        // The file is deleted with the temporary directory.
    }
}
