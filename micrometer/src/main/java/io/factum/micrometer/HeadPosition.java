package io.factum.micrometer;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The global position of the newest event in a store, for {@value FactumMeters#SUBSCRIPTION_LAG}. On a
 * JDBC store it is one indexed {@code MAX(position)} query; on any other store it follows
 * {@link EventStore#readAll} from the last head it saw, so each call reads only the events appended since.
 */
public abstract class HeadPosition {

    HeadPosition() {}

    /** The head of {@code store}, unwrapping a {@link MeteredEventStore} so reading it is not counted as reads. */
    public static HeadPosition of(EventStore store) {
        EventStore target = store instanceof MeteredEventStore metered ? metered.delegate() : store;
        if (target instanceof JdbcEventStore jdbc) {
            return new Jdbc(jdbc);
        }
        return new Following(target);
    }

    /** The position of the newest committed event; {@code 0} for an empty store. */
    public abstract long current();

    private static final class Jdbc extends HeadPosition {
        private final JdbcEventStore store;
        private final String query;

        Jdbc(JdbcEventStore store) {
            this.store = store;
            this.query = "SELECT MAX(position) FROM " + store.tables().events();
        }

        @Override
        public long current() {
            store.ensureSchema();
            try (Connection connection = store.dataSource().getConnection();
                 PreparedStatement statement = connection.prepareStatement(query);
                 ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the head position of " + store.tables().events() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private static final class Following extends HeadPosition {
        private static final int BATCH = 1_000;
        private final EventStore store;
        private final Object lock = new Object();
        private long head; // guarded by lock

        Following(EventStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        @Override
        public long current() {
            synchronized (lock) {
                List<StoredEvent> batch;
                do {
                    batch = store.readAll(head, BATCH);
                    if (!batch.isEmpty()) {
                        head = batch.get(batch.size() - 1).globalPosition();
                    }
                } while (batch.size() == BATCH);
                return head;
            }
        }
    }
}
