package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Checkpoints in the checkpoints table of a {@link JdbcEventStore} (SQLite or PostgreSQL), one
 * row per subscription name. {@link #save(Connection, String, long)} joins a caller's transaction,
 * which is how {@link JdbcProjection}s commit their checkpoint with their read model.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    private final JdbcEventStore store;
    private final String select;
    private final String upsert;

    public JdbcCheckpointStore(JdbcEventStore store) {
        this.store = store;
        String table = store.tables().checkpoints();
        this.select = "SELECT position FROM " + table + " WHERE name = ?";
        // Both SQLite (3.24+) and PostgreSQL (9.5+) understand this upsert.
        this.upsert = "INSERT INTO " + table + " (name, position, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at";
    }

    @Override
    public long load(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, subscription);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot load the checkpoint of subscription '" + subscription + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String subscription, long position) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                save(connection, subscription, position);
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot save checkpoint " + position + " of subscription '" + subscription
                    + "': " + e.getMessage(), e);
        }
    }

    /** Saves the checkpoint inside the caller's transaction on {@code connection}. */
    public void save(Connection connection, String subscription, long position) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, subscription);
            statement.setLong(2, position);
            store.dialect().setTimestamp(statement, 3, Instant.now());
            statement.executeUpdate();
        }
    }
}
