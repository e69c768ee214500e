package io.factum.example.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.factum.example.shared.InvalidInputException;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the app keeps its events and read models: a SQLite file (the default, nothing to
 * install) or a PostgreSQL database, named by a JDBC URL.
 *
 * @param url         {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db?user=...}
 * @param tablePrefix prefix of every table the app creates, so that several apps (or tests) can
 *                    share one database
 */
public record StoreLocation(String url, String tablePrefix) {

    /** The SQLite file used when nothing else is configured, in the working directory. */
    public static final String DEFAULT_FILE = "factum-example.db";

    /** The environment variable that may name the store instead of {@code --store}. */
    public static final String ENV_STORE = "FACTUM_STORE";

    public static final String DEFAULT_PREFIX = "shop_";

    public StoreLocation {
        if (url == null || url.isBlank()) {
            url = "jdbc:sqlite:" + DEFAULT_FILE;
        }
        if (tablePrefix == null || tablePrefix.isBlank()) {
            tablePrefix = DEFAULT_PREFIX;
        }
        try {
            TableNames.withPrefix(tablePrefix);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (!isSqlite(url) && !isPostgres(url)) {
            throw new InvalidInputException("Unsupported store '" + url + "': use jdbc:sqlite:<file> or "
                    + "jdbc:postgresql://host:port/database?user=...");
        }
    }

    /**
     * The store named on the command line, else by {@value #ENV_STORE}, else the default SQLite file.
     */
    public static StoreLocation resolve(String option, String tablePrefix) {
        String url = option != null ? option : System.getenv(ENV_STORE);
        return new StoreLocation(url, tablePrefix);
    }

    public boolean isPostgres() {
        return isPostgres(url);
    }

    /**
     * A data source for the store: for PostgreSQL a small connection pool (the store opens a
     * connection per operation, and opening one costs a round trip or three); for SQLite the
     * store's own file data source. Close it after the store if it is {@link AutoCloseable}.
     *
     * @throws StorageException if PostgreSQL cannot be reached
     */
    public DataSource openDataSource() {
        if (!isPostgres()) {
            return SqliteEventStore.dataSource(Path.of(url.substring("jdbc:sqlite:".length())));
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        try {
            postgres.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Invalid PostgreSQL URL '" + describe() + "': " + e.getMessage());
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(postgres);
        pool.setPoolName("factum-example");
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(1);
        pool.setConnectionTimeout(5_000);
        try {
            return new HikariDataSource(pool);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StorageException("Cannot connect to " + describe() + ": " + cause.getMessage(), e);
        }
    }

    /** The event store on {@code dataSource}; its tables are created on first use. */
    public JdbcEventStore openStore(DataSource dataSource) {
        if (isPostgres()) {
            return PostgresEventStore.builder(dataSource).tablePrefix(tablePrefix).build();
        }
        return SqliteEventStore.builder(dataSource).tablePrefix(tablePrefix).build();
    }

    /** The URL without credentials, for messages. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static boolean isSqlite(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:sqlite:") && url.length() > "jdbc:sqlite:".length();
    }

    private static boolean isPostgres(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }
}
