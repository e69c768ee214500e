package io.factum.store.sqlite;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The only class that names the SQLite driver's own configuration API, so that without the driver
 * on the class path only its use fails, with a {@link SqliteDriverMissingException}.
 */
final class SqliteDataSources {

    private SqliteDataSources() {}

    /** See {@link SqliteEventStore#dataSource(Path)}. */
    static DataSource create(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers never block the writer and see a consistent snapshot per statement.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit that returned survives power loss; NORMAL in WAL mode may lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SqliteEventStore.BUSY_TIMEOUT_MILLIS);
        // IMMEDIATE: take the write lock when the transaction begins, so a transaction never has to
        // upgrade a read lock to a write lock (which fails at once with SQLITE_BUSY under contention).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}
