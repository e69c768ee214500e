package io.factum.aggregate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.aggregate.AggregateLoadListener.AggregateLoad;
import io.factum.aggregate.AggregateLoadListener.Outcome;
import io.factum.store.Metadata;
import io.factum.event.UnknownEventTypeException;
import io.factum.sample.Order;
import io.factum.sample.OrderAggregateType;
import io.factum.sample.OrderEvent;
import io.factum.sample.Samples;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The repository tells its load listener of every load: aggregate type, outcome, events replayed, a duration. */
class AggregateLoadListenerTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final List<AggregateLoad> loads = new CopyOnWriteArrayList<>();
    private final AggregateRepository<Order, OrderEvent> orders =
            new AggregateRepository<>(store, Samples.registry(), OrderAggregateType.INSTANCE, null, loads::add);

    @Test
    void everyLoadIsReportedWithItsOutcomeAndTheEventsReplayed() {
        Order order = Order.place("42", "Alice");
        order.addItem("book", 2);
        order.addItem("pen", 1);
        orders.save(order);

        orders.load("42");
        assertThat(orders.find("7")).isEmpty();
        assertThatThrownBy(() -> orders.load("8")).isInstanceOf(AggregateNotFoundException.class);

        assertThat(loads).extracting(AggregateLoad::aggregateType).containsOnly("Order");
        assertThat(loads).extracting(AggregateLoad::outcome).containsExactly(Outcome.FOUND, Outcome.ABSENT, Outcome.ABSENT);
        assertThat(loads).extracting(AggregateLoad::eventsReplayed).containsExactly(3L, 0L, 0L);
        assertThat(loads).allSatisfy(load -> assertThat(load.nanos()).isPositive());
    }

    @Test
    void aLoadThatThrowsIsReportedAsAFailureAndTheErrorStillReachesTheCaller() {
        orders.save(Order.place("42", "Alice"));
        store.append("Order-42", ExpectedRevision.exactly(0), List.of(new NewEvent(UUID.randomUUID(), "OrderExploded", 1,
                Instant.parse("2026-01-01T00:00:00Z"), Metadata.empty(), "{}".getBytes(UTF_8))));

        assertThatThrownBy(() -> orders.load("42")).isInstanceOf(UnknownEventTypeException.class);

        assertThat(loads).singleElement().satisfies(load -> {
            assertThat(load.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(load.eventsReplayed()).isZero();
        });
    }

    @Test
    void aRepositoryWithoutAListenerLoadsAsBefore() {
        AggregateRepository<Order, OrderEvent> plain = new AggregateRepository<>(store, Samples.registry(), OrderAggregateType.INSTANCE);
        plain.save(Order.place("42", "Alice"));
        assertThat(plain.load("42").storedRevision()).isZero();
        assertThat(loads).isEmpty();
    }
}
