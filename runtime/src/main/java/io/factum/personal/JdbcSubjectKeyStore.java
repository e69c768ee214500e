package io.factum.personal;

import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A {@link SubjectKeyStore} in a table {@code <prefix>subject_keys} of SQLite or PostgreSQL, next to the event
 * store's tables (same prefix): {@code subject} (primary key), {@code key_id}, {@code wrapped_key} (null once
 * forgotten), {@code created_at}, {@code forgotten_at}. {@link #createTable()} is idempotent and safe to run
 * from several processes; first uses across processes agree through the primary key
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, then read back the row that won).
 *
 * <p>Forgetting on SQLite also overwrites the freed bytes ({@code PRAGMA secure_delete}) and truncates the
 * write-ahead log, so that the wrapped key leaves the database file and its {@code -wal} at once. PostgreSQL
 * keeps the old row version until {@code VACUUM} (see {@code docs/personal-data.md}).
 */
public final class JdbcSubjectKeyStore implements SubjectKeyStore {

    private enum Database { SQLITE, POSTGRESQL }

    private final DataSource dataSource;
    private final String table;
    private final Database database;

    private JdbcSubjectKeyStore(DataSource dataSource, TableNames tables, Database database) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = tables.prefix() + "subject_keys";
        this.database = database;
    }

    /** The key table of a SQLite database, with the store's table prefix. */
    public static JdbcSubjectKeyStore sqlite(DataSource dataSource, TableNames tables) {
        return new JdbcSubjectKeyStore(dataSource, tables, Database.SQLITE);
    }

    /** The key table of a PostgreSQL database, with the store's table prefix. */
    public static JdbcSubjectKeyStore postgres(DataSource dataSource, TableNames tables) {
        return new JdbcSubjectKeyStore(dataSource, tables, Database.POSTGRESQL);
    }

    /** The table's name. */
    public String table() {
        return table;
    }

    /** Creates the table if it does not exist; returns this store. */
    public JdbcSubjectKeyStore createTable() {
        String bytes = database == Database.POSTGRESQL ? "BYTEA" : "BLOB";
        String timestamp = database == Database.POSTGRESQL ? "TIMESTAMPTZ" : "TEXT";
        String ddl = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + " subject TEXT PRIMARY KEY,"
                + " key_id TEXT NOT NULL,"
                + " wrapped_key " + bytes + ","
                + " created_at " + timestamp + " NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                + " forgotten_at " + timestamp + ")";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (database == Database.POSTGRESQL) {
                // Two processes running CREATE TABLE IF NOT EXISTS at once can still collide on the catalog.
                connection.setAutoCommit(false);
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, ("factum-subject-keys:" + table).hashCode());
                    lock.execute();
                }
                statement.execute(ddl);
                connection.commit();
            } else {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw failure("create the table", e);
        }
        return this;
    }

    @Override
    public StoredKey find(String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return select(connection, subject);
        } catch (SQLException e) {
            throw failure("read the key of a subject", e);
        }
    }

    @Override
    public StoredKey insertIfAbsent(String subject, String keyId, byte[] wrappedKey) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (subject, key_id, wrapped_key) VALUES (?, ?, ?) ON CONFLICT (subject) DO NOTHING")) {
                insert.setString(1, subject);
                insert.setString(2, keyId);
                insert.setBytes(3, wrappedKey);
                insert.executeUpdate();
            }
            return select(connection, subject);
        } catch (SQLException e) {
            throw failure("store the key of a subject", e);
        }
    }

    @Override
    public void forget(String subject) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                if (database == Database.SQLITE) {
                    statement.execute("PRAGMA secure_delete = ON");
                }
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table
                    + " (subject, key_id, wrapped_key, forgotten_at) VALUES (?, ?, NULL, CURRENT_TIMESTAMP)"
                    + " ON CONFLICT (subject) DO UPDATE SET wrapped_key = NULL, forgotten_at = CURRENT_TIMESTAMP")) {
                upsert.setString(1, subject);
                upsert.setString(2, InMemorySubjectKeyStore.NEVER_KEYED);
                upsert.executeUpdate();
            }
            if (database == Database.SQLITE) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        } catch (SQLException e) {
            throw failure("forget a subject", e);
        }
    }

    private StoredKey select(Connection connection, String subject) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_id, wrapped_key FROM " + table + " WHERE subject = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new StoredKey(row.getString(1), row.getBytes(2)) : null;
            }
        }
    }

    private SubjectKeyStoreException failure(String action, SQLException e) {
        return new SubjectKeyStoreException("Cannot " + action + " in " + table + " (" + database.name().toLowerCase(java.util.Locale.ROOT)
                + "): " + e.getMessage() + (e.getMessage() != null && e.getMessage().contains("no such table")
                        || "42P01".equals(e.getSQLState()) ? "; call createTable() first" : ""), e);
    }
}
