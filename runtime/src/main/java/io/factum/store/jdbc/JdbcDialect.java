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

    /** DDL creating the events, checkpoints and parked-events tables if they do not exist. */
    List<String> createSchema(TableNames tables);

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
     * Called right before the inserts, after every check has passed: whatever makes global
     * positions become visible in order, and anything that should happen on commit.
     */
    default void beforeInsert(Connection connection, TableNames tables) throws SQLException {}

    /** Whether the database allows one writer at a time, so writers of one JVM should queue in Java. */
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

    /** Largest number of event rows in one multi-row {@code INSERT} (bind-variable limits). */
    default int maxRowsPerInsert() {
        return 500;
    }
}
