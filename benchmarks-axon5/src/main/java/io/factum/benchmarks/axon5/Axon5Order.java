package io.factum.benchmarks.axon5;

import io.factum.benchmarks.domain.DiscountApplied;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemRemoved;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.benchmarks.domain.OrderShipped;
import io.factum.benchmarks.domain.OrderStatus;
import io.factum.benchmarks.domain.OrderSummary;
import org.axonframework.eventsourcing.annotation.EventSourcedEntity;
import org.axonframework.eventsourcing.annotation.EventSourcingHandler;
import org.axonframework.eventsourcing.annotation.reflection.EntityCreator;

/**
 * The Axon 5 side of the replay benchmark: the same state and the same assignments as Factum's
 * {@link io.factum.benchmarks.domain.Order} (and as the Axon 4 {@code AxonOrder}), written the way Axon 5 wants an
 * annotated event-sourced entity, over the very same event records. Its events carry the tag {@value #TAG}
 * with the order id, which is how Axon 5 finds an entity's events.
 */
@EventSourcedEntity(tagKey = Axon5Order.TAG)
public class Axon5Order {

    /** The tag key of an order's events; the entity's id is its value. */
    public static final String TAG = "orderId";

    private String id;
    private OrderStatus status = OrderStatus.NEW;
    private int lineCount;
    private long itemQuantity;
    private String discountCode;
    private String trackingNumber;

    /** Axon 5 creates the entity through this creator before it applies the first event. */
    @EntityCreator
    public Axon5Order() {}

    public OrderSummary summary() {
        return new OrderSummary(id, status, lineCount, itemQuantity, discountCode, trackingNumber);
    }

    @EventSourcingHandler
    void on(OrderCreated event) {
        id = event.orderId().toString();
        status = OrderStatus.PENDING;
        lineCount = event.lines().size();
        for (OrderLine line : event.lines()) {
            itemQuantity += line.quantity();
        }
    }

    @EventSourcingHandler
    void on(ItemAdded event) {
        lineCount++;
        itemQuantity += event.line().quantity();
    }

    @EventSourcingHandler
    void on(ItemRemoved event) {
        lineCount--;
        itemQuantity -= event.quantity();
    }

    @EventSourcingHandler
    void on(DiscountApplied event) {
        discountCode = event.code();
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
        trackingNumber = event.trackingNumber();
    }
}
