package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What differs between the databases {@link JdbcEventStore} runs on: column types, how values
 * are bound, and how appends are ordered. Everything else (the append algorithm, reads, row
 * mapping, checkpoints) is shared.
 */
public interface JdbcDialect {

    /** The database's name, for messages. */
    String databaseName();

    /**
     * The column types of the schema. The tables themselves (columns, keys, constraints) are the same
     * on every database and written once, by {@link JdbcEventStore#createSchema()}.
     */
    ColumnTypes columnTypes();

    /** A query with one parameter, a table name, that returns a row if that table exists. */
    String tableExistsQuery();

    /**
     * Called in the schema transaction before {@link #createSchema}, so that processes creating the
     * schema at the same time do not trip over each other.
     */
    default void lockSchema(Connection connection, TableNames tables) throws SQLException {}

    /**
     * Called first in an append transaction: makes the revision check that follows exact against
     * other appends to the same stream.
     */
    default void lockStream(Connection connection, TableNames tables, String streamId) throws SQLException {}

    /**
     * Called first in a group commit, which appends to several streams in one transaction:
     * {@link #lockStream} for each of them. Every process must take such locks in one order, or two
     * batches could each hold a stream the other waits for; by default they are taken one by one in
     * the order given, which is the order of {@link String#compareTo}.
     *
     * @param streamIds distinct, sorted
     */
    default void lockStreams(Connection connection, TableNames tables, List<String> streamIds) throws SQLException {
        for (String streamId : streamIds) {
            lockStream(connection, tables, streamId);
        }
    }

    /**
     * Called right before the inserts, after every check has passed: whatever makes global
     * positions become visible in order, and anything that should happen on commit.
     */
    default void beforeInsert(Connection connection, TableNames tables) throws SQLException {}

    /**
     * Called on the event-id lookup of every append before it runs. Its best plan changes as the
     * events table grows (a scan while it is small, the {@code event_id} index once it is not), so a
     * database that caches plans should plan this statement for every execution.
     */
    default void planEveryExecution(PreparedStatement lookup) throws SQLException {}

    /**
     * Whether the database allows one writer at a time, so writers of one JVM should queue in Java
     * (when group commit is off; with it, one thread at a time writes anyway).
     */
    boolean singleWriter();

    /** The bind expression of the headers column, e.g. {@code ?} or {@code CAST(? AS jsonb)}. */
    default String headersParameter() {
        return "?";
    }

    void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException;

    UUID getUuid(ResultSet row, int index) throws SQLException;

    void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException;

    Instant getTimestamp(ResultSet row, int index) throws SQLException;

    /** Whether {@code e} reports a violated unique constraint or primary key. */
    boolean isUniqueViolation(SQLException e);

    /**
     * The SQL types of the schema's columns on one database.
     *
     * @param position  the whole column definition of the global position: an ever-increasing primary key
     * @param uuid      event, correlation and causation ids
     * @param bigint    revisions and positions
     * @param integer   schema versions
     * @param timestamp occurred-at and bookkeeping times
     * @param json      the metadata headers, a JSON object
     * @param bytes     the payload, exactly the bytes the codec wrote
     */
    record ColumnTypes(String position, String uuid, String bigint, String integer, String timestamp, String json,
            String bytes) {}

    /**
     * An SQL expression for the database's current time, in the format of {@link #setTimestamp}:
     * what {@code committed_at} is set to at insert (after the ordering lock) and what leases expire
     * by. Never a client clock: the instances of a fleet may disagree about the time, the database
     * does not.
     */
    String databaseTime();

    /**
     * {@code time} plus the number of milliseconds bound to the one parameter ({@code ?}) the
     * expression contains.
     */
    String plusMillis(String time);

    /** A query with two parameters, a table and a column name, that returns a row if that column exists. */
    String columnExistsQuery();

    /**
     * The DDL that makes an events table migrated from an earlier version refuse rows without a
     * {@code stream_hash} (written by a process still running that version), once every stored row
     * has one.
     */
    List<String> requireStreamHash(TableNames tables);

    /** Largest number of event rows in one multi-row {@code INSERT} (bind-variable limits). */
    default int maxRowsPerInsert() {
        return 500;
    }
}
