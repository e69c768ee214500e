package io.factum.subscription;

import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A handler subscription's parked events with the lease's fencing check: in the same transaction
 * when they are kept in the store's own database ({@link JdbcParkedEvents}), else just before.
 */
final class FencedParkedEvents implements ParkedEvents {

    private final ParkedEvents delegate;
    private final JdbcEventStore store;
    private final Fence fence;

    FencedParkedEvents(ParkedEvents delegate, JdbcEventStore store, Fence fence) {
        this.delegate = delegate;
        this.store = store;
        this.fence = fence;
    }

    @Override
    public void park(String subscription, StoredEvent event, String error) {
        String what = "parking event " + event.globalPosition();
        if (delegate instanceof JdbcParkedEvents jdbc) {
            inTransaction(what, subscription, connection -> jdbc.park(connection, subscription, event, error));
        } else {
            fence.checkAlone(what);
            delegate.park(subscription, event, error);
        }
    }

    @Override
    public List<ParkedEvent> list(String subscription) {
        return delegate.list(subscription);
    }

    @Override
    public void remove(String subscription, long globalPosition) {
        String what = "removing parked event " + globalPosition;
        if (delegate instanceof JdbcParkedEvents jdbc) {
            inTransaction(what, subscription, connection -> jdbc.remove(connection, subscription, globalPosition));
        } else {
            fence.checkAlone(what);
            delegate.remove(subscription, globalPosition);
        }
    }

    private interface Write {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(String what, String subscription, Write write) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                fence.check(connection, what);
                write.run(connection);
                return null;
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot do " + what + " of subscription '" + subscription + "': " + e.getMessage(), e);
        }
    }
}
