package io.factum.example.ordering;

import io.factum.aggregate.AggregateRepository;
import io.factum.annotation.Subscribe;
import io.factum.event.EventEnvelope;
import io.factum.example.app.Narrator;
import io.factum.example.inventory.StockReservationRefused;
import io.factum.store.Metadata;

/**
 * Ordering's reaction to Inventory: an order whose stock could not be reserved is cancelled.
 *
 * <p>Runs on a durable subscription (another context's event), so it may see an event twice;
 * an order that is already cancelled, or has moved past the point of cancelling, is left alone.
 */
public final class StockRefusalPolicy {

    private final AggregateRepository<Order, OrderEvent> orders;
    private final Narrator narrator;

    public StockRefusalPolicy(AggregateRepository<Order, OrderEvent> orders, Narrator narrator) {
        this.orders = orders;
        this.narrator = narrator;
    }

    @Subscribe
    void on(StockReservationRefused refused, EventEnvelope<StockReservationRefused> envelope) {
        Order order = orders.find(refused.orderId()).orElse(null);
        if (order == null || order.status() == OrderStatus.CANCELLED
                || order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.DELIVERED) {
            return;
        }
        order.cancel("Out of stock: " + String.join(", ", refused.shortages().stream().map(Object::toString).toList()));
        orders.save(order, Metadata.causedBy(envelope));
        narrator.reaction("Ordering", "cancelled order " + order.id() + ": " + order.cancellationReason());
    }
}
