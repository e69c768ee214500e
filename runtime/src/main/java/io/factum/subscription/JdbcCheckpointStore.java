package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.store.jdbc.SubscriptionTableStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Checkpoints in the checkpoints table of a {@link JdbcEventStore} (SQLite or PostgreSQL), one
 * row per subscription name. {@link #save(Connection, String, long)} joins a caller's transaction,
 * which is how {@link JdbcProjection}s commit their checkpoint with their read model.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    private final JdbcEventStore store;
    private final SubscriptionTableStatements statements;

    public JdbcCheckpointStore(JdbcEventStore store) {
        this.store = store;
        this.statements = new SubscriptionTableStatements(store.tables(), store.dialect());
    }

    @Override
    public long load(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            return statements.loadCheckpoint(connection, subscription);
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot load the checkpoint of subscription '" + subscription + "': " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong find(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            return statements.findCheckpoint(connection, subscription);
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
        statements.saveCheckpoint(connection, subscription, position);
    }
}
