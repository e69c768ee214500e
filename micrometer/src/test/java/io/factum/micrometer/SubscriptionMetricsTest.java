package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.micrometer.sample.Pinged;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.store.postgres.PostgresTestDatabase;
import io.factum.subscription.FailureAction;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.InMemoryParkedEvents;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SubscriptionMetricsTest {

    private final EventTypeRegistry registry = EventTypeRegistry.load();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private void append(EventStore store, String stream, int... counts) {
        for (int count : counts) {
            store.append(stream, ExpectedRevision.any(), List.of(registry.encode(new Pinged(stream, count), Metadata.empty())));
        }
    }

    private double gauge(String name, String subscription) {
        return meters.get(name).tags("subscription", subscription).gauge().value();
    }

    @Test
    void lagPositionParkedAndStatusFollowTheSubscription() {
        InMemoryEventStore store = new InMemoryEventStore();
        ObservedHandlers observed = new ObservedHandlers(meters, io.micrometer.observation.ObservationRegistry.NOOP);
        Subscription subscription = Subscription.builder("pings", store, registry)
                .handler(observed.handler("pings", event -> {
                    if (((Pinged) event.payload()).count() < 0) {
                        throw new IllegalStateException("negative ping");
                    }
                }), new InMemoryCheckpointStore())
                .parkedEvents(new InMemoryParkedEvents())
                .retry(RetryPolicy.noRetry())
                .onHandlerFailure(FailureAction.PARK)
                .build();
        new SubscriptionMetrics(List.of(subscription), HeadPosition.of(store)).bindTo(meters);

        append(store, "Ping-1", 1, -1, 3);
        assertThat(gauge("factum.subscription.lag", "pings")).isEqualTo(3);
        assertThat(gauge("factum.subscription.position", "pings")).isZero();
        assertThat(meters.get("factum.subscription.status").tags("subscription", "pings", "status", "NEW").gauge().value())
                .isEqualTo(1);
        assertThat(meters.get("factum.subscription.status").tags("subscription", "pings", "status", "FAILED").gauge().value())
                .isZero();

        subscription.runUntilCaughtUp();
        assertThat(gauge("factum.subscription.lag", "pings")).isZero();
        assertThat(gauge("factum.subscription.position", "pings")).isEqualTo(3);
        assertThat(gauge("factum.subscription.parked", "pings")).isEqualTo(1);
        assertThat(meters.get("factum.subscription.handle").tags("subscription", "pings", "outcome", "success").timer().count())
                .isEqualTo(2);
        assertThat(meters.get("factum.subscription.handle").tags("subscription", "pings", "outcome", "failure").timer().count())
                .isEqualTo(1);

        append(store, "Ping-2", 4, 5);
        assertThat(gauge("factum.subscription.lag", "pings")).isEqualTo(2);
    }

    @Test
    void onPostgresqlTheHeadIsTheLargestStoredPosition() {
        DataSource dataSource = PostgresTestDatabase.dataSource();
        PostgresEventStore store = PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
        try {
            HeadPosition head = HeadPosition.of(new MeteredEventStore(store, meters));
            assertThat(head.current()).isZero();
            append(store, "Ping-1", 1, 2);
            long last = store.readAll(0, 10).get(1).globalPosition();
            assertThat(head.current()).isEqualTo(last);
            // the head is read directly from the delegate, not counted as a read
            assertThat(meters.find("factum.store.read").timers()).allSatisfy(timer -> assertThat(timer.count()).isZero());
        } finally {
            PostgresTestDatabase.dropTables(dataSource, store.tables());
            store.close();
        }
    }
}
