package io.factum.store.jdbc;

import io.factum.store.StreamHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a store's tables to this version's schema: creates what is missing and, for an events
 * table of an earlier version, adds {@code stream_hash} and {@code committed_at}, fills
 * {@code stream_hash} in (computed in Java, {@link StreamHash}) and from then on refuses rows
 * without one. One transaction, under the schema lock (PostgreSQL: a transaction-scoped advisory
 * lock; SQLite: the write lock its {@code IMMEDIATE} transactions take at the start), and every
 * step looks first: running it twice, or from several processes at once, does the work once.
 */
final class SchemaMigration {

    /** Stream hashes written per JDBC batch. */
    private static final int BACKFILL_BATCH = 500;

    /** What one run did. */
    record Report(boolean addedColumns, int streamsBackfilled) {}

    private final JdbcDialect dialect;
    private final TableNames tables;

    SchemaMigration(JdbcDialect dialect, TableNames tables) {
        this.dialect = dialect;
        this.tables = tables;
    }

    /** What is missing from an existing events table, or null when nothing is (or there is no such table). */
    String missing(Connection connection) throws SQLException {
        if (!tableExists(connection, tables.events())) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        for (String column : List.of("stream_hash", "committed_at")) {
            if (!columnExists(connection, tables.events(), column)) {
                missing.add("column " + column);
            }
        }
        for (String table : List.of(tables.leases(), tables.leaseMembers())) {
            if (!tableExists(connection, table)) {
                missing.add("table " + table);
            }
        }
        return missing.isEmpty() ? null : tables.events() + " has no " + String.join(", ", missing);
    }

    /** Migrates inside the transaction open on {@code connection}. */
    Report migrate(Connection connection) throws SQLException {
        dialect.lockSchema(connection, tables);
        boolean added = false;
        int backfilled = 0;
        if (tableExists(connection, tables.events())) {
            for (String[] column : SchemaDdl.addedEventColumns(dialect.columnTypes())) {
                if (!columnExists(connection, tables.events(), column[0])) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("ALTER TABLE " + tables.events() + " ADD COLUMN " + column[0] + " " + column[1]);
                    }
                    added = true;
                }
            }
            backfilled = backfillStreamHashes(connection);
            if (added || backfilled > 0) {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : dialect.requireStreamHash(tables)) {
                        statement.execute(ddl);
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String ddl : SchemaDdl.createTables(tables, dialect.columnTypes())) {
                statement.execute(ddl);
            }
        }
        return new Report(added, backfilled);
    }

    /** Sets the hash of every event stored without one; returns how many streams had such events. */
    private int backfillStreamHashes(Connection connection) throws SQLException {
        List<String> streams = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT DISTINCT stream_id FROM " + tables.events() + " WHERE stream_hash IS NULL");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                streams.add(row.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + tables.events() + " SET stream_hash = ? WHERE stream_id = ? AND stream_hash IS NULL")) {
            for (int i = 0; i < streams.size(); i++) {
                update.setInt(1, StreamHash.of(streams.get(i)));
                update.setString(2, streams.get(i));
                update.addBatch();
                if ((i + 1) % BACKFILL_BATCH == 0 || i == streams.size() - 1) {
                    update.executeBatch();
                }
            }
        }
        return streams.size();
    }

    private boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(dialect.tableExistsQuery())) {
            exists.setString(1, table);
            try (ResultSet row = exists.executeQuery()) {
                return row.next();
            }
        }
    }

    private boolean columnExists(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(dialect.columnExistsQuery())) {
            exists.setString(1, table);
            exists.setString(2, column);
            try (ResultSet row = exists.executeQuery()) {
                return row.next();
            }
        }
    }
}
