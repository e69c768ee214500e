package io.factum.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * A database of its own for one benchmark trial, removed afterwards: a fresh SQLite file, or a fresh
 * schema in the PostgreSQL database {@code test} at 127.0.0.1:5432 (user {@code postgres}; set
 * {@code FACTUM_BENCH_PG_URL} to use another). Table prefixes are unique too, so advisory locks
 * never meet those of another run or of tests sharing the server.
 *
 * <p>{@code FACTUM_BENCH_PG_SYNCHRONOUS_COMMIT} (e.g. {@code off}) sets PostgreSQL's
 * {@code synchronous_commit} on every pooled connection, for experiments only: it trades durability
 * for speed, for Factum and the raw JDBC peer alike.
 *
 * <p>Both backends are reached through one HikariCP pool, which the Factum store and the raw JDBC
 * peer share: connection set-up is then out of both measurements.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The backends, as JMH parameter values. */
    public static final String SQLITE = "sqlite";
    public static final String POSTGRES = "postgres";

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String backend;
    private final String id;
    private final HikariDataSource pool;
    private final Path sqliteDirectory;
    private final String pgSchema;
    /** Removes the database if the JVM ends without a teardown, e.g. after a benchmark failed. */
    private final Thread cleanupOnExit;
    private boolean closed;

    private BenchDatabase(String backend, String id, HikariDataSource pool, Path sqliteDirectory, String pgSchema) {
        this.backend = backend;
        this.id = id;
        this.pool = pool;
        this.sqliteDirectory = sqliteDirectory;
        this.pgSchema = pgSchema;
        this.cleanupOnExit = new Thread(this::close, "remove-" + id);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** A new, empty database of {@code backend} ({@link #SQLITE} or {@link #POSTGRES}), with a pool of {@code connections}. */
    public static BenchDatabase create(String backend, int connections) {
        String id = "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFF_FFFFL);
        return switch (backend) {
            case SQLITE -> sqlite(id, connections);
            case POSTGRES -> postgres(id, connections);
            default -> throw new IllegalArgumentException("Unknown backend '" + backend + "'; use sqlite or postgres");
        };
    }

    private static BenchDatabase sqlite(String id, int connections) {
        try {
            Path directory = Files.createTempDirectory("factum-" + id);
            HikariConfig config = poolConfig(id, connections);
            // The store's own settings (WAL, full sync, busy timeout, IMMEDIATE transactions), pooled.
            config.setDataSource(SqliteEventStore.dataSource(directory.resolve("events.db")));
            return new BenchDatabase(SQLITE, id, new HikariDataSource(config), directory, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchDatabase postgres(String id, int connections) {
        String url = postgresUrl();
        try (Connection admin = DriverManager.getConnection(url); Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + id);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + url
                    + " (set FACTUM_BENCH_PG_URL to use another server): " + e.getMessage(), e);
        }
        return new BenchDatabase(POSTGRES, id, postgresPool(id, connections), null, id);
    }

    /**
     * The PostgreSQL database {@code id} that another process created with {@link #create}, with a pool of its own;
     * closing it closes the pool only (the creator removes the schema).
     */
    public static BenchDatabase joinPostgres(String id, int connections) {
        return new BenchDatabase(POSTGRES, id, postgresPool(id, connections), null, null);
    }

    /** This database's id: what {@link #joinPostgres} takes. */
    public String id() {
        return id;
    }

    private static HikariDataSource postgresPool(String id, int connections) {
        String url = postgresUrl();
        HikariConfig config = poolConfig(id, connections);
        config.setJdbcUrl(url);
        config.setSchema(id);
        String synchronousCommit = System.getenv("FACTUM_BENCH_PG_SYNCHRONOUS_COMMIT");
        if (synchronousCommit != null && !synchronousCommit.isBlank()) {
            // An experiment knob, off by default: shows how much of an append is waiting for the WAL flush.
            if (!synchronousCommit.matches("on|off|local|remote_write|remote_apply")) {
                throw new IllegalArgumentException("FACTUM_BENCH_PG_SYNCHRONOUS_COMMIT must be a synchronous_commit value"
                        + " (on, off, local, remote_write, remote_apply), was '" + synchronousCommit + "'");
            }
            config.setConnectionInitSql("SET synchronous_commit = " + synchronousCommit);
        }
        return new HikariDataSource(config);
    }

    private static HikariConfig poolConfig(String id, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(id);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        return config;
    }

    static String postgresUrl() {
        String url = System.getenv("FACTUM_BENCH_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    public String backend() {
        return backend;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** A table prefix unique to this database and {@code purpose}, e.g. {@code bench1a2b_factum_}. */
    public String tablePrefix(String purpose) {
        return (id + "_" + purpose + "_").toLowerCase(Locale.ROOT);
    }

    /** A Factum event store of this backend, on this database's pool, with its schema created. */
    public JdbcEventStore factumStore(String purpose) {
        return factumStore(purpose, true);
    }

    /** {@link #factumStore(String)} with group commit on or off. */
    public JdbcEventStore factumStore(String purpose, boolean groupCommit) {
        JdbcEventStore store = switch (backend) {
            case SQLITE -> SqliteEventStore.builder(pool).tablePrefix(tablePrefix(purpose)).groupCommit(groupCommit).build();
            default -> PostgresEventStore.builder(pool).tablePrefix(tablePrefix(purpose)).groupCommit(groupCommit).build();
        };
        store.createSchema();
        return store;
    }

    /** Closes the pool and removes everything this database created. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != cleanupOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway and finds this database closed.
            }
        }
        pool.close();
        if (pgSchema != null) {
            try (Connection admin = DriverManager.getConnection(postgresUrl());
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop benchmark schema " + pgSchema + ": " + e.getMessage(), e);
            }
        }
        if (sqliteDirectory != null) {
            try (Stream<Path> files = Files.walk(sqliteDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
