package io.factum.benchmarks.axon;

import io.factum.benchmarks.domain.DiscountApplied;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemRemoved;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderCreated;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.benchmarks.domain.OrderShipped;
import io.factum.benchmarks.domain.OrderStatus;
import io.factum.benchmarks.domain.OrderSummary;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The Axon side of the replay benchmark: the same state and the same assignments as Factum's
 * {@link io.factum.benchmarks.domain.Order}, written the way Axon 4 wants an annotated aggregate,
 * over the very same event records.
 */
public class AxonOrder {

    @AggregateIdentifier
    private String id;
    private OrderStatus status = OrderStatus.NEW;
    private int lineCount;
    private long itemQuantity;
    private String discountCode;
    private String trackingNumber;

    /** Axon creates aggregates through the no-argument constructor, then replays. */
    public AxonOrder() {}

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
