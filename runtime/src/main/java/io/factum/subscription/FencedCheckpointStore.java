package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A handler subscription's checkpoint store with the lease's fencing check: in the same
 * transaction when the checkpoints are in the store's own database ({@link JdbcCheckpointStore}),
 * else just before saving.
 */
final class FencedCheckpointStore implements CheckpointStore {

    private final CheckpointStore delegate;
    private final JdbcEventStore store;
    private final Fence fence;

    FencedCheckpointStore(CheckpointStore delegate, JdbcEventStore store, Fence fence) {
        this.delegate = delegate;
        this.store = store;
        this.fence = fence;
    }

    @Override
    public long load(String subscription) {
        return delegate.load(subscription);
    }

    @Override
    public OptionalLong find(String subscription) {
        return delegate.find(subscription);
    }

    @Override
    public void save(String subscription, long position) {
        String what = "saving checkpoint " + position;
        if (!(delegate instanceof JdbcCheckpointStore jdbc)) {
            fence.checkAlone(what);
            delegate.save(subscription, position);
            return;
        }
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                fence.check(connection, what);
                jdbc.save(connection, subscription, position);
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot save checkpoint " + position + " of subscription '" + subscription
                    + "': " + e.getMessage(), e);
        }
    }
}
