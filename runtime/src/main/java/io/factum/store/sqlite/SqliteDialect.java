package io.factum.store.sqlite;

import io.factum.store.jdbc.JdbcDialect;
import io.factum.store.jdbc.TableNames;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
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

    /**
     * Microseconds since the epoch, the format of every time column here; SQLite's clock is the
     * machine's, read to the millisecond ({@code julianday('now')}), and every process writing to
     * the file is on that machine. Within one statement SQLite returns the same time.
     */
    @Override
    public String databaseTime() {
        return "CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER) * 1000";
    }

    @Override
    public String plusMillis(String time) {
        return "(" + time + " + ? * 1000)";
    }

    @Override
    public String columnExistsQuery() {
        return "SELECT 1 FROM pragma_table_info(?) WHERE name = ?";
    }

    /** SQLite cannot add NOT NULL to a column, so a trigger refuses such rows instead. */
    @Override
    public List<String> requireStreamHash(TableNames tables) {
        return List.of("CREATE TRIGGER IF NOT EXISTS " + tables.prefix() + "events_need_stream_hash BEFORE INSERT ON "
                + tables.events() + " WHEN NEW.stream_hash IS NULL BEGIN SELECT RAISE(ABORT, 'stream_hash is NULL: "
                + "this table was migrated to a newer Factum schema; upgrade the process appending to it'); END");
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
