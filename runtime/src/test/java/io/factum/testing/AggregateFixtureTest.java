package io.factum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.aggregate.AggregateTypes;
import io.factum.event.EventCodec;
import io.factum.event.EventType;
import io.factum.event.EventTypeRegistry;
import io.factum.sample.ItemAdded;
import io.factum.sample.Order;
import io.factum.sample.OrderAggregateType;
import io.factum.sample.OrderCancelled;
import io.factum.sample.OrderConfirmed;
import io.factum.sample.OrderEvent;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

class AggregateFixtureTest {

    private static final OrderPlaced PLACED = new OrderPlaced("42", "Alice");

    private final AggregateFixture<Order, OrderEvent> orders = AggregateFixture.of(OrderAggregateType.INSTANCE);
    private final AggregateFixture<Order, OrderEvent> ordersWithCodecs =
            AggregateFixture.of(OrderAggregateType.INSTANCE, Samples.registry());

    // ---------------------------------------------------------------- passing expectations

    @Test
    void commandOnGivenEventsRecordsExpectedEvents() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED, new ItemAdded("42", "book", 1))
                .when(Order::confirm)
                .expectEvents(new OrderConfirmed("42"))
                .expectState(order -> assertThat(order.status()).isEqualTo(Order.Status.CONFIRMED));

        assertThat(outcome.events()).containsExactly(new OrderConfirmed("42"));
        assertThat(outcome.error()).isNull();
        assertThat(outcome.aggregate().storedRevision()).isEqualTo(1);
        assertThat(outcome.aggregate().revision()).isEqualTo(2);
    }

    @Test
    void rejectedCommandIsAnExpectedError() {
        orders.given(PLACED, new OrderCancelled("42", "changed my mind"))
                .when(Order::confirm)
                .expectError(IllegalStateException.class, "Only pending orders can be confirmed")
                .expectError(RuntimeException.class);
    }

    @Test
    void creationCommandRecordsTheCreationEvent() {
        orders.whenCreated(() -> Order.place("42", "Alice"))
                .expectEvents(PLACED)
                .expectState(order -> {
                    assertThat(order.id()).isEqualTo("42");
                    assertThat(order.storedRevision()).isEqualTo(-1);
                });
    }

    @Test
    void rejectedCreationIsAnExpectedError() {
        Outcome<Order, OrderEvent> outcome = orders.whenCreated(() -> Order.place("42", " "))
                .expectError(IllegalArgumentException.class, "An order needs a customer");

        assertThat(outcome.aggregate()).isNull();
        assertThat(outcome.events()).isEmpty();
    }

    @Test
    void commandThatChangesNothingRecordsNoEvents() {
        orders.given(PLACED, new OrderCancelled("42", "first"))
                .when(order -> order.cancel("second"))
                .expectNoEvents();
    }

    @Test
    void givenEventsAccumulateAndFixturesAreReusable() {
        AggregateFixture<Order, OrderEvent> placed = orders.given(PLACED);
        AggregateFixture<Order, OrderEvent> withItem = placed.given(List.of(new ItemAdded("42", "book", 1)));

        placed.when(order -> order.addItem("pen", 2)).expectEvents(new ItemAdded("42", "pen", 2));
        withItem.when(order -> order.addItem("pen", 2))
                .expectState(order -> assertThat(order.items()).containsExactly("1 x book", "2 x pen"));
        assertThat(placed.givenAggregate().items()).isEmpty();
        assertThat(withItem.givenAggregate().storedRevision()).isEqualTo(1);
    }

    @Test
    void withCodecsGivenEventsAreReplayedAndRecordedEventsRoundTrip() {
        ordersWithCodecs.given(PLACED, new ItemAdded("42", "book", 3))
                .when(order -> order.addItem("pen", 1))
                .expectEvents(new ItemAdded("42", "pen", 1))
                .expectState(order -> assertThat(order.items()).containsExactly("3 x book", "1 x pen"));
        ordersWithCodecs.whenCreated(() -> Order.place("7", "Bob")).expectEvents(new OrderPlaced("7", "Bob"));
    }

    // ---------------------------------------------------------------- failing expectations

    @Test
    void differentEventsFailWithBothListsShown() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED).when(Order::confirm);

        assertThatThrownBy(() -> outcome.expectEvents(new OrderConfirmed("43"), new OrderCancelled("42", "x")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("The command recorded other events than expected (first difference at #1)\n"
                        + "Expected 2 events:\n"
                        + "  1. OrderConfirmed[orderId=43]\n"
                        + "  2. OrderCancelled[orderId=42, reason=x]\n"
                        + "Actual 1 event:\n"
                        + "  1. OrderConfirmed[orderId=42]");
    }

    @Test
    void missingEventsFail() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED).when(order -> order.cancel("x"));

        assertThatThrownBy(() -> outcome.expectEvents(new OrderCancelled("42", "x"), new OrderCancelled("42", "x")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 events")
                .hasMessageContaining("Actual 1 event");
    }

    @Test
    void expectNoEventsFailsWhenEventsWereRecorded() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED).when(Order::confirm);

        assertThatThrownBy(outcome::expectNoEvents)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 0 events.")
                .hasMessageContaining("1. OrderConfirmed[orderId=42]");
    }

    @Test
    void expectEventsFailsWhenTheCommandThrew() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED, new OrderConfirmed("42")).when(Order::confirm);

        assertThatThrownBy(() -> outcome.expectEvents(new OrderConfirmed("42")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The command threw java.lang.IllegalStateException: Only pending orders can be confirmed")
                .hasMessageContaining("1. OrderConfirmed[orderId=42]")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void expectErrorFailsWhenTheCommandSucceeded() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED).when(Order::confirm);

        assertThatThrownBy(() -> outcome.expectError(IllegalStateException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected the command to throw java.lang.IllegalStateException, but it succeeded")
                .hasMessageContaining("1. OrderConfirmed[orderId=42]");
    }

    @Test
    void expectErrorFailsOnAnotherType() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED).when(order -> order.addItem("book", 0));

        assertThatThrownBy(() -> outcome.expectError(IllegalStateException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it threw java.lang.IllegalArgumentException: Quantity must be at least 1, was 0");
    }

    @Test
    void expectErrorFailsOnAnotherMessage() {
        Outcome<Order, OrderEvent> outcome = orders.given(PLACED, new OrderConfirmed("42")).when(Order::confirm);

        assertThatThrownBy(() -> outcome.expectError(IllegalStateException.class, "Only pending orders can be CONFIRMED"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected the command to throw java.lang.IllegalStateException with message\n"
                        + "  Only pending orders can be CONFIRMED\n"
                        + "but the message was\n"
                        + "  Only pending orders can be confirmed");
    }

    @Test
    void expectStateFailsWhenTheCommandThrewAndPropagatesFailedAssertions() {
        Outcome<Order, OrderEvent> threw = orders.given(PLACED, new OrderConfirmed("42")).when(Order::confirm);
        assertThatThrownBy(() -> threw.expectState(order -> { }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected to check the state of Order");

        Outcome<Order, OrderEvent> succeeded = orders.given(PLACED).when(Order::confirm);
        assertThatThrownBy(() -> succeeded.expectState(order -> assertThat(order.status()).isEqualTo(Order.Status.CANCELLED)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void whenCreatedRefusesGivenEvents() {
        assertThatThrownBy(() -> orders.given(PLACED).whenCreated(() -> Order.place("42", "Alice")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("use when(...)");
    }

    @Test
    void givenEventThatCannotBeAppliedFailsTheTest() {
        try {
            AggregateFixture<Order, OrderEvent> broken = AggregateFixture.of(new ThrowingOrderType());

            assertThatThrownBy(() -> broken.given(PLACED).when(Order::confirm))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Given event #1 OrderPlaced[orderId=42, customer=Alice] could not be applied to Order")
                    .hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            // of(...) registered the broken type for Order; put the real one back for other tests.
            AggregateTypes.register(OrderAggregateType.INSTANCE);
        }
    }

    @Test
    void lossyCodecFailsGivenAndRecordedEvents() {
        EventTypeRegistry lossy = EventTypeRegistry.ofTypes(List.of(
                OrderAggregateType.ORDER_PLACED, OrderAggregateType.ITEM_ADDED, OrderAggregateType.ORDER_CONFIRMED,
                new EventType<>("OrderCancelled", 1, OrderCancelled.class, new ReasonDroppingCodec())));
        AggregateFixture<Order, OrderEvent> fixture = AggregateFixture.of(OrderAggregateType.INSTANCE, lossy);

        assertThatThrownBy(() -> fixture.given(PLACED, new OrderCancelled("42", "why")).when(order -> { }))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Given event #2 does not survive its codec:\n"
                        + "  event:        OrderCancelled[orderId=42, reason=why]\n"
                        + "  written as:   {\"orderId\":\"42\",\"reason\":\"why\"}\n"
                        + "  read back as: OrderCancelled[orderId=42, reason=]");
        assertThatThrownBy(() -> fixture.given(PLACED).when(order -> order.cancel("why")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Recorded event #1 does not survive its codec");
    }

    @Test
    void eventMissingFromTheRegistryFailsWithTheReason() {
        EventTypeRegistry withoutConfirmed = EventTypeRegistry.ofTypes(List.of(OrderAggregateType.ORDER_PLACED));
        AggregateFixture<Order, OrderEvent> fixture = AggregateFixture.of(OrderAggregateType.INSTANCE, withoutConfirmed);

        assertThatThrownBy(() -> fixture.given(PLACED).when(Order::confirm))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Recorded event #1 OrderConfirmed[orderId=42] does not survive its codec")
                .hasMessageContaining("No event type is registered for io.factum.sample.OrderConfirmed");
    }

    /** Writes correctly but reads the reason back as empty: the kind of bug the round trip catches. */
    private static final class ReasonDroppingCodec implements EventCodec<OrderCancelled> {
        @Override
        public void write(JsonGenerator generator, OrderCancelled value) {
            generator.writeStartObject();
            generator.writeStringProperty("orderId", value.orderId());
            generator.writeStringProperty("reason", value.reason());
            generator.writeEndObject();
        }

        @Override
        public OrderCancelled read(JsonParser parser) {
            List<String> values = new ArrayList<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                parser.nextToken();
                values.add(parser.getString());
            }
            return new OrderCancelled(values.get(0), "");
        }
    }

    /** An aggregate type whose apply fails, as a buggy apply method would. */
    private static final class ThrowingOrderType implements io.factum.aggregate.AggregateType<Order, OrderEvent> {
        @Override
        public String name() {
            return "Order";
        }

        @Override
        public Class<Order> aggregateClass() {
            return Order.class;
        }

        @Override
        public Class<OrderEvent> eventFamily() {
            return OrderEvent.class;
        }

        @Override
        public Order newInstance() {
            return OrderAggregateType.INSTANCE.newInstance();
        }

        @Override
        public void apply(Order aggregate, OrderEvent event) {
            throw new IllegalStateException("apply method failed");
        }

        @Override
        public void replay(Order aggregate, io.factum.store.StoredEvent event, EventTypeRegistry registry) {
            throw new IllegalStateException("replay failed");
        }
    }
}
