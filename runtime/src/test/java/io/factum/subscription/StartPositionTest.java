package io.factum.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartPositionTest {

    private final EventTypeRegistry registry = Samples.registry();
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final List<Long> handled = new ArrayList<>();

    @TempDir
    Path directory;

    private void append(EventStore store, int count) {
        for (int i = 0; i < count; i++) {
            String id = "Order-" + store.lastPosition() + "-" + i;
            store.append(id, ExpectedRevision.noStream(), List.of(registry.encode(new OrderPlaced(id, "c"), Metadata.empty())));
        }
    }

    private Subscription handler(EventStore store, StartPosition start) {
        return Subscription.builder("reader", store, registry)
                .handler(event -> handled.add(event.globalPosition()), checkpoints)
                .startFrom(start)
                .build();
    }

    @Test
    void fromTheEndSkipsWhatIsStoredAndSavesWhereItStartedSoARestartDoesNotSkipMore() {
        InMemoryEventStore store = new InMemoryEventStore();
        append(store, 3);
        Subscription first = handler(store, StartPosition.end());
        assertThat(first.position()).isEqualTo(3);
        assertThat(checkpoints.find("reader")).as("looking saves nothing").isEmpty();
        assertThat(first.runUntilCaughtUp()).isZero();
        assertThat(checkpoints.find("reader")).hasValue(3);
        append(store, 2);

        Subscription restarted = handler(store, StartPosition.end());
        assertThat(restarted.runUntilCaughtUp()).isEqualTo(2);
        assertThat(handled).containsExactly(4L, 5L);
    }

    @Test
    void afterAPositionAndTheBeginning() {
        InMemoryEventStore store = new InMemoryEventStore();
        append(store, 4);
        handler(store, StartPosition.after(2)).runUntilCaughtUp();
        assertThat(handled).containsExactly(3L, 4L);
        assertThatThrownBy(() -> StartPosition.after(-1)).hasMessageContaining("must be >= 0, was -1");
        assertThat(StartPosition.beginning().resolve(store)).isZero();
    }

    @Test
    void aSavedCheckpointWinsOverTheStartPosition() {
        InMemoryEventStore store = new InMemoryEventStore();
        append(store, 4);
        checkpoints.save("reader", 1);
        handler(store, StartPosition.end()).runUntilCaughtUp();
        assertThat(handled).containsExactly(2L, 3L, 4L);
    }

    @Test
    void fromAPointInTimeByTheStoresCommitTimes() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T08:00:00Z"));
        InMemoryEventStore store = new InMemoryEventStore(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        append(store, 2);
        now.set(Instant.parse("2026-03-01T09:00:00Z"));
        append(store, 3);
        handler(store, StartPosition.committedFrom(Instant.parse("2026-03-01T08:30:00Z"))).runUntilCaughtUp();
        assertThat(handled).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aProjectionFromTheEndSavesItsStartInTheCheckpointsTable() {
        JdbcEventStore store = SqliteEventStore.open(directory.resolve("events.db"));
        append(store, 3);
        Subscription projection = Subscription.builder("totals", store, registry)
                .projection((event, connection) -> handled.add(event.globalPosition()))
                .startFrom(StartPosition.end())
                .build();
        assertThat(projection.runUntilCaughtUp()).isZero();
        assertThat(new JdbcCheckpointStore(store).find("totals")).isEqualTo(OptionalLong.of(store.lastPosition()));
        append(store, 1);
        assertThat(projection.runUntilCaughtUp()).isEqualTo(1);
        assertThat(handled).containsExactly(store.lastPosition());
    }
}
