package io.factum.store.memory;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.store.EventStore;
import io.factum.store.EventStoreContract;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The shared contract, plus what the in-memory store promises beyond it. */
class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }

    @Test
    void positionsStartAtOneAndAreContiguous() {
        store.append("A-1", ExpectedRevision.noStream(), events(2));
        store.append("B-1", ExpectedRevision.noStream(), events(3));

        assertThat(store.readAll(0, 100)).extracting(StoredEvent::globalPosition).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void occurredAtIsTruncatedToMicrosecondsLikeTheSqlStores() {
        Instant withNanos = Instant.parse("2026-11-26T08:15:30.123456789Z");
        store.append("A-1", ExpectedRevision.noStream(), List.of(
                new NewEvent(UUID.randomUUID(), "A", 1, withNanos, Metadata.empty(), "{}".getBytes(UTF_8))));

        assertThat(store.readStream("A-1", 0, 1).get(0).occurredAt()).isEqualTo(Instant.parse("2026-11-26T08:15:30.123456Z"));
    }
}
