package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite: one writer at a time (the database's write lock), so positions taken by
 * {@code AUTOINCREMENT} inside a write transaction become visible in order with no extra work.
 * Ids are stored as text and times as microseconds since the epoch (SQLite has no such types).
 */
final class SqliteDialect implements JdbcDialect {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    @Override
    public String databaseName() {
        return "SQLite";
    }

    @Override
    public ColumnTypes columnTypes() {
        // AUTOINCREMENT: a position is never reused, even after the newest events are deleted.
        return new ColumnTypes("INTEGER PRIMARY KEY AUTOINCREMENT", "TEXT", "INTEGER", "INTEGER", "INTEGER", "TEXT", "BLOB");
    }

    @Override
    public String tableExistsQuery() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    public boolean singleWriter() {
        return true;
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setString(index, value == null ? null : value.toString());
    }

    @Override
    public UUID getUuid(ResultSet row, int index) throws SQLException {
        String value = row.getString(index);
        return value == null ? null : UUID.fromString(value);
    }

    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setLong(index, Math.addExact(Math.multiplyExact(value.getEpochSecond(), MICROS_PER_SECOND), value.getNano() / 1000));
    }

    @Override
    public Instant getTimestamp(ResultSet row, int index) throws SQLException {
        long micros = row.getLong(index);
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return false;
    }
}
