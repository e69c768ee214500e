package io.factum.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.store.Metadata;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.SnapshotStore;
import io.factum.store.SnapshotStoreContract;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The snapshot contract on a JDBC store's {@code <prefix>snapshots}, plus what only JDBC stores have: the table
 * arriving beside tables that predate it, and {@code truncateBefore}.
 */
public abstract class JdbcSnapshotBehaviour extends SnapshotStoreContract {

    private final List<JdbcEventStore> opened = new ArrayList<>();

    /** A store on fresh tables (the same ones on every call within a test). */
    protected abstract JdbcEventStore newStore(boolean allowTruncation);

    /** Drops what the test created. */
    protected abstract void dropTables(JdbcEventStore store);

    private JdbcEventStore store(boolean allowTruncation) {
        JdbcEventStore store = newStore(allowTruncation);
        opened.add(store);
        return store;
    }

    @Override
    protected SnapshotStore newSnapshotStore() {
        return store(false).snapshots();
    }

    @Override
    protected void closeSnapshotStore(SnapshotStore store) {
        for (JdbcEventStore each : opened) {
            each.close();
        }
        dropTables(opened.get(0));
    }

    private static List<NewEvent> events(int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(UUID.randomUUID(), "Tick", 1, Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(),
                    ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    @Test
    void theSnapshotTableArrivesBesideTablesThatPredateIt() throws SQLException {
        JdbcEventStore first = store(false);
        first.append("Order-1", ExpectedRevision.any(), events(1));
        try (Connection connection = first.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + first.tables().snapshots());
        }
        JdbcEventStore next = store(false); // a new process of the new version, on the old tables

        next.snapshots().save(snapshot("Order-1", 0, "{}"));
        assertThat(next.snapshots().latest("Order-1")).isPresent();
        assertThat(next.readStream("Order-1", 0, 10)).hasSize(1);
        next.createSchema(); // and creating again changes nothing
        assertThat(next.snapshots().latest("Order-1")).isPresent();
    }

    @Test
    void truncationIsOffByDefault() {
        JdbcEventStore store = store(false);
        store.append("Order-1", ExpectedRevision.noStream(), events(5));
        store.snapshots().save(snapshot("Order-1", 4, "{}"));

        assertThatThrownBy(() -> store.truncateBefore("Order-1", 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is off for this store").hasMessageContaining(".allowTruncation(true)");
        assertThat(store.readStream("Order-1", 0, 10)).hasSize(5);
    }

    @Test
    void truncationDeletesTheEventsBeforeTheRevisionAndKeepsTheStreamsHead() {
        JdbcEventStore store = store(true);
        store.append("Order-1", ExpectedRevision.noStream(), events(10));
        store.append("Order-2", ExpectedRevision.noStream(), events(3));
        store.snapshots().save(snapshot("Order-1", 6, "{}"));

        assertThat(store.truncateBefore("Order-1", 7)).isEqualTo(7);

        List<StoredEvent> left = store.readStream("Order-1", 0, 100);
        assertThat(left).extracting(StoredEvent::streamRevision).containsExactly(7L, 8L, 9L);
        assertThat(store.streamRevision("Order-1")).isEqualTo(9);
        assertThat(store.readStream("Order-2", 0, 100)).hasSize(3);
        // appends go on at the head as before
        assertThat(store.append("Order-1", ExpectedRevision.exactly(9), events(1)).lastRevision()).isEqualTo(10);
        assertThat(store.truncateBefore("Order-1", 7)).isZero(); // idempotent
    }

    @Test
    void truncationNeedsASnapshotThatCoversWhatItDeletes() {
        JdbcEventStore store = store(true);
        store.append("Order-1", ExpectedRevision.noStream(), events(10));

        assertThatThrownBy(() -> store.truncateBefore("Order-1", 5))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("it has no snapshot");
        store.snapshots().save(snapshot("Order-1", 3, "{}"));
        assertThatThrownBy(() -> store.truncateBefore("Order-1", 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its snapshot is at revision 3").hasMessageContaining("take a snapshot at revision 4");
        assertThat(store.readStream("Order-1", 0, 100)).hasSize(10);
    }

    @Test
    void truncationKeepsTheLastEvent() {
        JdbcEventStore store = store(true);
        store.append("Order-1", ExpectedRevision.noStream(), events(3));
        store.snapshots().save(snapshot("Order-1", 2, "{}"));

        assertThatThrownBy(() -> store.truncateBefore("Order-1", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its last revision is 2");
        assertThatThrownBy(() -> store.truncateBefore("Order-9", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its last revision is -1");
        assertThat(store.truncateBefore("Order-1", 2)).isEqualTo(2);
    }
}
