package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcEventStore;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default event store: one SQLite file, nothing to install.
 *
 * <pre>{@code
 * try (SqliteEventStore store = SqliteEventStore.open(Path.of("events.db"))) { ... }
 * }</pre>
 *
 * <p>Every operation opens its own connection and closes it, so threads never share one.
 * SQLite has one writer at a time, so the appends of one JVM are written by one thread at a time,
 * those that queued meanwhile together in one transaction (group commit; with it off, appends
 * queue on a fair Java lock), and appends of other processes wait on SQLite's busy timeout. See
 * {@code docs/storage.md}.
 */
public final class SqliteEventStore extends JdbcEventStore {

    /** How long a write waits for another process's write transaction before failing. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private SqliteEventStore(Builder builder) {
        super(builder, new SqliteDialect());
    }

    /** A store on {@code file} (created if missing) with default table names; the schema is created on first use. */
    public static SqliteEventStore open(Path file) {
        return builder(dataSource(file)).build();
    }

    /**
     * A data source for {@code file} configured the way the store needs: WAL journal, full sync on
     * commit, a busy timeout, and write transactions that start {@code IMMEDIATE}.
     */
    public static DataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        // WAL: readers never block the writer and see a consistent snapshot per statement.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit that returned survives power loss; NORMAL in WAL mode may lose the last commits.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // IMMEDIATE: take the write lock when the transaction begins, so a transaction never has to
        // upgrade a read lock to a write lock (which fails at once with SQLITE_BUSY under contention).
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }

    /**
     * A builder for a store on {@code dataSource}. Use {@link #dataSource(Path)}, or wrap it (e.g.
     * in a pool); its transactions must start {@code IMMEDIATE}.
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Options of a {@link SqliteEventStore}; they are all in {@link JdbcEventStore.Options}. */
    public static final class Builder extends JdbcEventStore.Options<Builder> {

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected Builder self() {
            return this;
        }

        public SqliteEventStore build() {
            return new SqliteEventStore(this);
        }
    }
}
