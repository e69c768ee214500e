package io.factum.subscription;

import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parked events in the parked-events table of a {@link JdbcEventStore}, so they survive restarts
 * and can be inspected with plain SQL. The methods taking a {@link Connection} join a caller's
 * transaction.
 */
public final class JdbcParkedEvents implements ParkedEvents {

    private final JdbcEventStore store;
    private final String upsert;
    private final String selectAll;
    private final String delete;

    public JdbcParkedEvents(JdbcEventStore store) {
        this.store = store;
        String table = store.tables().parkedEvents();
        this.upsert = "INSERT INTO " + table + " (subscription, position, stream_id, revision, type, error, parked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (subscription, position) DO UPDATE SET error = excluded.error, parked_at = excluded.parked_at";
        this.selectAll = "SELECT position, stream_id, revision, type, error, parked_at FROM " + table
                + " WHERE subscription = ? ORDER BY position";
        this.delete = "DELETE FROM " + table + " WHERE subscription = ? AND position = ?";
    }

    @Override
    public void park(String subscription, StoredEvent event, String error) {
        inOwnTransaction("park event " + event.globalPosition() + " of subscription '" + subscription + "'",
                connection -> park(connection, subscription, event, error));
    }

    /** Parks inside the caller's transaction. */
    public void park(Connection connection, String subscription, StoredEvent event, String error) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, subscription);
            statement.setLong(2, event.globalPosition());
            statement.setString(3, event.streamId());
            statement.setLong(4, event.streamRevision());
            statement.setString(5, event.type());
            statement.setString(6, error);
            store.dialect().setTimestamp(statement, 7, Instant.now());
            statement.executeUpdate();
        }
    }

    @Override
    public List<ParkedEvent> list(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(selectAll)) {
            statement.setString(1, subscription);
            List<ParkedEvent> parked = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    parked.add(new ParkedEvent(subscription, row.getLong(1), row.getString(2), row.getLong(3),
                            row.getString(4), row.getString(5), store.dialect().getTimestamp(row, 6)));
                }
            }
            return parked;
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot list the parked events of subscription '" + subscription + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String subscription, long globalPosition) {
        inOwnTransaction("remove parked event " + globalPosition + " of subscription '" + subscription + "'",
                connection -> remove(connection, subscription, globalPosition));
    }

    /** Removes inside the caller's transaction. */
    public void remove(Connection connection, String subscription, long globalPosition) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setString(1, subscription);
            statement.setLong(2, globalPosition);
            statement.executeUpdate();
        }
    }

    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    private void inOwnTransaction(String what, ConnectionWork work) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                work.run(connection);
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
