package io.factum.spring.boot.test;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.AggregateRoot;
import io.factum.event.EventTypeRegistry;
import io.factum.testing.AggregateFixture;

/**
 * {@link AggregateFixture}s for the aggregates of a Spring context, from the repository beans the starter
 * defines: given events, when a command, then the events recorded, with the context's event registry (so
 * every given event also round-trips through its generated codec).
 *
 * <pre>{@code
 * @Autowired AggregateRepository<Order, OrderEvent> orders;
 * @Autowired EventTypeRegistry registry;
 *
 * var fixture = FactumFixtures.of(orders, registry);
 * fixture.given(new OrderPlaced("o-1", "ann")).when(Order::confirm).expectEvents(new OrderConfirmed("o-1"));
 * }</pre>
 */
public final class FactumFixtures {

    private FactumFixtures() {}

    /** A fixture for the aggregate type {@code repository} loads. */
    public static <A extends AggregateRoot<E>, E> AggregateFixture<A, E> of(AggregateRepository<A, E> repository,
            EventTypeRegistry registry) {
        return AggregateFixture.of(repository.type(), registry);
    }
}
