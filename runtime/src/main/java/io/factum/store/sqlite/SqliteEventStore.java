package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcEventStore;
import java.nio.file.Path;
import javax.sql.DataSource;

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

    /**
     * A store on {@code file} (created if missing) with default table names; the schema is created on first use.
     *
     * @throws SqliteDriverMissingException if the SQLite JDBC driver is not on the class path
     */
    public static SqliteEventStore open(Path file) {
        return builder(dataSource(file)).build();
    }

    /**
     * A data source for {@code file} configured the way the store needs: WAL journal, full sync on
     * commit, a busy timeout, and write transactions that start {@code IMMEDIATE}.
     *
     * @throws SqliteDriverMissingException if the SQLite JDBC driver ({@code org.xerial:sqlite-jdbc},
     *                                      an optional dependency of factum-runtime) is not on the class path
     */
    public static DataSource dataSource(Path file) {
        try {
            return SqliteDataSources.create(file);
        } catch (NoClassDefFoundError e) {
            if (e.getMessage() != null && e.getMessage().startsWith("org/sqlite/")) {
                throw new SqliteDriverMissingException(e);
            }
            throw e;
        }
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
