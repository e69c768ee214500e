package io.factum.example.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import io.factum.testing.AggregateFixture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lesson's order rules, given events → command → events or error; every event round-trips its codec. */
class OrderTest {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(new ExampleFactumModule());
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final OrderLine KEYBOARD = new OrderLine("KBD-1", "Keyboard", 2, Money.parse("49.90", "EUR"));
    private static final OrderCreated CREATED = new OrderCreated("ORD-1", "alice", List.of(KEYBOARD), Money.parse("99.80", "EUR"));
    private static final OrderConfirmed CONFIRMED = new OrderConfirmed("ORD-1", AT);
    private static final OrderPaid PAID = new OrderPaid("ORD-1", "PAY-1", "card", Money.parse("99.80", "EUR"));
    private static final OrderShipped SHIPPED = new OrderShipped("ORD-1", "TN1", "DHL", AT);
    private static final OrderDelivered DELIVERED = new OrderDelivered("ORD-1", AT);
    private static final OrderCancelled CANCELLED = new OrderCancelled("ORD-1", "changed my mind", AT);

    private final AggregateFixture<Order, OrderEvent> orders = AggregateFixture.of(OrderAggregateType.INSTANCE, REGISTRY);

    private static Customer customer(boolean active) {
        Customer customer = AggregateFixture.of(CustomerAggregateType.INSTANCE)
                .given(new CustomerRegistered("alice", "alice@example.com", "Alice", RegistrationChannel.WEB))
                .givenAggregate();
        if (!active) {
            customer.deactivate("left");
        }
        return customer;
    }

    @Test
    void placingRecordsOrderCreatedWithTheTotal() {
        orders.whenCreated(() -> Order.place("ORD-1", customer(true), List.of(KEYBOARD,
                        new OrderLine("MOUSE-7", "Mouse", 1, Money.parse("19.90", "EUR")))))
                .expectState(order -> {
                    assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
                    assertThat(order.total()).isEqualTo(Money.parse("119.70", "EUR"));
                });
    }

    @Test
    void aDeactivatedCustomerCannotPlaceOrders() {
        orders.whenCreated(() -> Order.place("ORD-1", customer(false), List.of(KEYBOARD)))
                .expectError(RuleViolation.class, "Customer alice is deactivated and cannot place orders");
    }

    @Test
    void anOrderNeedsItemsInOneCurrencyWithPositiveQuantities() {
        orders.whenCreated(() -> Order.place("ORD-1", customer(true), List.of()))
                .expectError(RuleViolation.class, "An order needs at least one item");
        orders.whenCreated(() -> Order.place("ORD-1", customer(true),
                        List.of(KEYBOARD, new OrderLine("X", "X", 1, Money.parse("1", "USD")))))
                .expectError(RuleViolation.class, "All items of an order must be priced in EUR; X is priced in USD");
        orders.whenCreated(() -> Order.place("ORD-1", customer(true), List.of(new OrderLine("X", "X", 0, Money.parse("1", "EUR")))))
                .expectError(RuleViolation.class, "Quantity of X must be at least 1, was 0");
    }

    @Test
    void onlyPendingOrdersCanBeConfirmed() {
        orders.given(CREATED).when(Order::confirm).expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED));
        orders.given(CREATED, CONFIRMED).when(Order::confirm)
                .expectError(RuleViolation.class, "Only pending orders can be confirmed (order ORD-1 is CONFIRMED)");
    }

    @Test
    void onlyPendingOrdersTakeMoreItems() {
        orders.given(CREATED).when(order -> order.addItem(KEYBOARD))
                .expectEvents(new OrderItemAdded("ORD-1", KEYBOARD))
                .expectState(order -> assertThat(order.total()).isEqualTo(Money.parse("199.60", "EUR")));
        orders.given(CREATED, CONFIRMED).when(order -> order.addItem(KEYBOARD))
                .expectError(RuleViolation.class, "Items can only be added to pending orders (order ORD-1 is CONFIRMED)");
    }

    @Test
    void onlyConfirmedOrdersCanBePaidAndTheyArePaidInFull() {
        orders.given(CREATED).when(order -> order.pay("PAY-1", "card"))
                .expectError(RuleViolation.class, "Only confirmed orders can be paid (order ORD-1 is PENDING)");
        orders.given(CREATED, CONFIRMED).when(order -> order.pay("PAY-1", "card")).expectEvents(PAID);
    }

    @Test
    void onlyPaidOrdersCanBeShipped() {
        orders.given(CREATED, CONFIRMED).when(order -> order.ship("TN1", "DHL"))
                .expectError(RuleViolation.class, "Only paid orders can be shipped (order ORD-1 is CONFIRMED)");
        orders.given(CREATED, CONFIRMED, PAID).when(order -> order.ship("TN1", "DHL"))
                .expectState(order -> {
                    assertThat(order.trackingNumber()).isEqualTo("TN1");
                    assertThat(order.carrier()).isEqualTo("DHL");
                });
    }

    @Test
    void onlyShippedOrdersCanBeDelivered() {
        orders.given(CREATED, CONFIRMED, PAID).when(Order::deliver)
                .expectError(RuleViolation.class, "Only shipped orders can be delivered (order ORD-1 is PAID)");
        orders.given(CREATED, CONFIRMED, PAID, SHIPPED).when(Order::deliver)
                .expectState(order -> assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED));
    }

    @Test
    void noCancellingAfterShippingOrTwice() {
        orders.given(CREATED, CONFIRMED, PAID).when(order -> order.cancel("changed my mind"))
                .expectState(order -> assertThat(order.cancellationReason()).isEqualTo("changed my mind"));
        orders.given(CREATED, CONFIRMED, PAID, SHIPPED).when(order -> order.cancel("too late"))
                .expectError(RuleViolation.class, "Orders cannot be cancelled after shipping (order ORD-1 is SHIPPED)");
        orders.given(CREATED, CONFIRMED, PAID, SHIPPED, DELIVERED).when(order -> order.cancel("too late"))
                .expectError(RuleViolation.class, "Orders cannot be cancelled after shipping (order ORD-1 is DELIVERED)");
        orders.given(CREATED, CANCELLED).when(order -> order.cancel("again"))
                .expectError(RuleViolation.class, "The order is already cancelled (order ORD-1 is CANCELLED)");
    }
}
