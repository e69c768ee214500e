package io.factum.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryCommitTimeTest {

    @Test
    void theLastPositionAndTheLastPositionCommittedBeforeATimeFollowTheStoresClock() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-01T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        InMemoryEventStore store = new InMemoryEventStore(clock);
        assertThat(store.lastPosition()).isZero();
        for (int i = 0; i < 3; i++) {
            store.append("Order-" + i, ExpectedRevision.noStream(), List.of(
                    Samples.registry().encode(new OrderPlaced("o" + i, "c"), Metadata.empty()),
                    Samples.registry().encode(new OrderPlaced("p" + i, "c"), Metadata.empty())));
            now.set(now.get().plusSeconds(60));
        }
        assertThat(store.lastPosition()).isEqualTo(6);
        assertThat(store.lastPositionCommittedBefore(Instant.parse("2026-05-01T10:00:00Z"))).isZero();
        assertThat(store.lastPositionCommittedBefore(Instant.parse("2026-05-01T10:00:00.000001Z"))).isEqualTo(2);
        assertThat(store.lastPositionCommittedBefore(Instant.parse("2026-05-01T10:01:30Z"))).isEqualTo(4);
        assertThat(store.lastPositionCommittedBefore(Instant.parse("2026-05-01T11:00:00Z"))).isEqualTo(6);
    }
}
