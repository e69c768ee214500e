package io.factum.example.app;

import io.factum.example.shared.InvalidInputException;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.TableNames;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.util.Locale;
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

    /** Opens the event store; its tables are created on first use. */
    public JdbcEventStore openStore() {
        if (isPostgres()) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setURL(url);
            return PostgresEventStore.builder(dataSource).tablePrefix(tablePrefix).build();
        }
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        return SqliteEventStore.builder(SqliteEventStore.dataSource(file)).tablePrefix(tablePrefix).build();
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
