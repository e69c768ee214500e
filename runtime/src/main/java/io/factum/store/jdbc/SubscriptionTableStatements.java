package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every statement on a store's checkpoints and parked-events tables (created by
 * {@link JdbcEventStore#createSchema()}), each a small named function that runs on the connection
 * it is given and leaves the transaction to the caller. Used by the JDBC checkpoint store and
 * parked events of {@code io.factum.subscription}; both SQLite (3.24+) and PostgreSQL (9.5+)
 * understand every statement here.
 */
public final class SubscriptionTableStatements {

    private final JdbcDialect dialect;
    private final String selectCheckpoint;
    private final String upsertCheckpoint;
    private final String upsertParked;
    private final String selectParked;
    private final String deleteParked;

    /** The statements of the tables named by {@code tables}, in {@code dialect}. */
    public SubscriptionTableStatements(TableNames tables, JdbcDialect dialect) {
        this.dialect = dialect;
        String checkpoints = tables.checkpoints();
        this.selectCheckpoint = "SELECT position FROM " + checkpoints + " WHERE name = ?";
        this.upsertCheckpoint = "INSERT INTO " + checkpoints + " (name, position, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at";
        String parked = tables.parkedEvents();
        this.upsertParked = "INSERT INTO " + parked + " (subscription, position, stream_id, revision, type, error, parked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (subscription, position) DO UPDATE SET error = excluded.error, parked_at = excluded.parked_at";
        this.selectParked = "SELECT position, stream_id, revision, type, error, parked_at FROM " + parked
                + " WHERE subscription = ? ORDER BY position";
        this.deleteParked = "DELETE FROM " + parked + " WHERE subscription = ? AND position = ?";
    }

    /** The saved checkpoint of subscription {@code name}, {@code 0} if none is saved. */
    public long loadCheckpoint(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectCheckpoint)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** The saved checkpoint of subscription {@code name}, empty if none is saved. */
    public OptionalLong findCheckpoint(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectCheckpoint)) {
            statement.setString(1, name);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Saves (inserts or replaces) the checkpoint of subscription {@code name}. */
    public void saveCheckpoint(Connection connection, String name, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsertCheckpoint)) {
            statement.setString(1, name);
            statement.setLong(2, position);
            dialect.setTimestamp(statement, 3, Instant.now());
            statement.executeUpdate();
        }
    }

    /** A row of the parked-events table. */
    public record ParkedRow(long position, String streamId, long revision, String type, String error, Instant parkedAt) {}

    /** Parks an event, or replaces the error and time of the one parked at the same position. */
    public void park(Connection connection, String subscription, ParkedRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsertParked)) {
            statement.setString(1, subscription);
            statement.setLong(2, row.position());
            statement.setString(3, row.streamId());
            statement.setLong(4, row.revision());
            statement.setString(5, row.type());
            statement.setString(6, row.error());
            dialect.setTimestamp(statement, 7, row.parkedAt());
            statement.executeUpdate();
        }
    }

    /** The events {@code subscription} parked, oldest first. */
    public List<ParkedRow> listParked(Connection connection, String subscription) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectParked)) {
            statement.setString(1, subscription);
            List<ParkedRow> parked = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    parked.add(new ParkedRow(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), dialect.getTimestamp(row, 6)));
                }
            }
            return parked;
        }
    }

    /** Removes the event {@code subscription} parked at {@code position}, if any. */
    public void removeParked(Connection connection, String subscription, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(deleteParked)) {
            statement.setString(1, subscription);
            statement.setLong(2, position);
            statement.executeUpdate();
        }
    }
}
