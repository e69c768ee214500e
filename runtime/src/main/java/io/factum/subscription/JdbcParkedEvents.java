package io.factum.subscription;

import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import io.factum.store.jdbc.SubscriptionTableStatements;
import io.factum.store.jdbc.SubscriptionTableStatements.ParkedRow;
import java.sql.Connection;
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
    private final SubscriptionTableStatements statements;

    public JdbcParkedEvents(JdbcEventStore store) {
        this.store = store;
        this.statements = new SubscriptionTableStatements(store.tables(), store.dialect());
    }

    @Override
    public void park(String subscription, StoredEvent event, String error) {
        inOwnTransaction("park event " + event.globalPosition() + " of subscription '" + subscription + "'",
                connection -> park(connection, subscription, event, error));
    }

    /** Parks inside the caller's transaction. */
    public void park(Connection connection, String subscription, StoredEvent event, String error) throws SQLException {
        statements.park(connection, subscription, new ParkedRow(event.globalPosition(), event.streamId(),
                event.streamRevision(), event.type(), error, Instant.now()));
    }

    @Override
    public List<ParkedEvent> list(String subscription) {
        store.ensureSchema();
        try (Connection connection = store.dataSource().getConnection()) {
            List<ParkedEvent> parked = new ArrayList<>();
            for (ParkedRow row : statements.listParked(connection, subscription)) {
                parked.add(new ParkedEvent(subscription, row.position(), row.streamId(), row.revision(), row.type(),
                        row.error(), row.parkedAt()));
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
        statements.removeParked(connection, subscription, globalPosition);
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
