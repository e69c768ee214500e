package io.factum.store.postgres;

import io.factum.store.jdbc.JdbcDialect;
import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * PostgreSQL. Positions come from an identity column, and sequence values are handed out at
 * insert while transactions commit in any order; so right before inserting, an append takes a
 * transaction-scoped advisory lock that it holds until commit. Appends therefore commit in
 * position order, and a reader that sees a position has seen every lower one. See
 * {@code docs/storage.md} for the cost and the alternatives.
 */
final class PostgresDialect implements JdbcDialect {

    /** 23505: unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final boolean notifyOnAppend;

    PostgresDialect(boolean notifyOnAppend) {
        this.notifyOnAppend = notifyOnAppend;
    }

    @Override
    public String databaseName() {
        return "PostgreSQL";
    }

    @Override
    public ColumnTypes columnTypes() {
        // BYTEA: exactly the bytes the codec wrote (see docs/storage.md for jsonb vs json vs bytea).
        return new ColumnTypes("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "UUID", "BIGINT", "INT", "TIMESTAMPTZ",
                "JSONB", "BYTEA");
    }

    /** Looks the name up on the search path, like the unqualified names in every other statement. */
    @Override
    public String tableExistsQuery() {
        return "SELECT 1 WHERE to_regclass(?) IS NOT NULL";
    }

    /** Two processes running CREATE TABLE IF NOT EXISTS at once can still collide; a lock makes them take turns. */
    @Override
    public void lockSchema(Connection connection, TableNames tables) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LockKeys.schema(tables));
            lock.execute();
        }
    }

    /** Appends to one stream take turns, so the revision check that follows is exact. */
    @Override
    public void lockStream(Connection connection, TableNames tables, String streamId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, LockKeys.streams(tables));
            lock.setString(2, streamId);
            lock.execute();
        }
    }

    /**
     * The locks of {@link #lockStream}, all in one round trip, in the order of their keys: two
     * batches sharing streams then never hold one each of two locks the other waits for. (PostgreSQL
     * evaluates a volatile function in the select list after the sort below it.) Streams whose
     * hashes collide lock the same key once.
     */
    @Override
    public void lockStreams(Connection connection, TableNames tables, List<String> streamIds) throws SQLException {
        if (streamIds.size() == 1) {
            lockStream(connection, tables, streamIds.get(0));
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, k) FROM "
                + "(SELECT DISTINCT hashtext(s) AS k FROM unnest(?) AS s) AS stream_keys ORDER BY k")) {
            lock.setInt(1, LockKeys.streams(tables));
            lock.setArray(2, connection.createArrayOf("text", streamIds.toArray()));
            lock.execute();
        }
    }

    /**
     * The ordering lock, as late as possible: only the inserts and the commit run under it. The
     * notification is queued in the same round trip and delivered by PostgreSQL on commit.
     */
    @Override
    public void beforeInsert(Connection connection, TableNames tables) throws SQLException {
        String sql = notifyOnAppend
                ? "SELECT pg_advisory_xact_lock(?), pg_notify(?, '')"
                : "SELECT pg_advisory_xact_lock(?)";
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setLong(1, LockKeys.appends(tables));
            if (notifyOnAppend) {
                lock.setString(2, PostgresEventStore.channel(tables));
            }
            lock.execute();
        }
    }

    /**
     * Keeps the driver from turning the lookup into a server-side prepared statement. PostgreSQL
     * would then settle on one generic plan, and a plan made while the table was small (a
     * sequential scan) stays until the table is next analyzed: without autovacuum, never, and every
     * append reads the whole table. An unnamed statement is planned with its actual ids each time.
     */
    @Override
    public void planEveryExecution(PreparedStatement lookup) throws SQLException {
        if (lookup.isWrapperFor(PGStatement.class)) {
            lookup.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /**
     * {@code clock_timestamp()}, not {@code now()}: taken when the statement runs, so the commit time
     * of an insert is read after the ordering lock, and rises with the position (see
     * {@code docs/storage.md}).
     */
    @Override
    public String databaseTime() {
        return "clock_timestamp()";
    }

    @Override
    public String plusMillis(String time) {
        return "(" + time + " + CAST(? AS double precision) * interval '1 millisecond')";
    }

    /** Looks on the search path, like the unqualified names of every other statement. */
    @Override
    public String columnExistsQuery() {
        return "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped";
    }

    @Override
    public List<String> requireStreamHash(TableNames tables) {
        return List.of("ALTER TABLE " + tables.events() + " ALTER COLUMN stream_hash SET NOT NULL");
    }

    @Override
    public boolean singleWriter() {
        return false;
    }

    @Override
    public String headersParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public UUID getUuid(ResultSet row, int index) throws SQLException {
        return row.getObject(index, UUID.class);
    }

    @Override
    public void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getTimestamp(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * Advisory lock keys, derived from the table prefix so that stores with different prefixes
     * never wait for each other. {@link String#hashCode()} is specified by the language, so every
     * process computes the same keys. Single-key ({@code bigint}) and two-key locks live in separate
     * key spaces in PostgreSQL.
     */
    static final class LockKeys {
        private LockKeys() {}

        static long appends(TableNames tables) {
            return key("factum-appends:", tables);
        }

        static long schema(TableNames tables) {
            return key("factum-schema:", tables);
        }

        static int streams(TableNames tables) {
            return ("factum-streams:" + tables.prefix()).hashCode();
        }

        private static long key(String purpose, TableNames tables) {
            return ((long) purpose.hashCode() << 32) | (tables.prefix().hashCode() & 0xFFFF_FFFFL);
        }
    }
}
