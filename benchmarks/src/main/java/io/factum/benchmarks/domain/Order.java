package io.factum.benchmarks.domain;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;

/**
 * The Factum side of the replay benchmark. The apply methods only assign state, as apply methods
 * should, so the benchmark measures dispatch rather than domain arithmetic. Its snapshot is for the
 * snapshot-load benchmark; replay never touches it.
 */
@Aggregate(name = "Order", snapshot = OrderSnapshot.class)
public class Order extends AggregateRoot<OrderEvent> {

    private String id;
    private OrderStatus status = OrderStatus.NEW;
    private int lineCount;
    private long itemQuantity;
    private String discountCode;
    private String trackingNumber;

    /** For replay. */
    public Order() {}

    /** Restores a snapshot. */
    Order(OrderSnapshot snapshot) {
        id = snapshot.id();
        status = snapshot.status();
        lineCount = snapshot.lineCount();
        itemQuantity = snapshot.itemQuantity();
        discountCode = snapshot.discountCode();
        trackingNumber = snapshot.trackingNumber();
    }

    OrderSnapshot snapshot() {
        return new OrderSnapshot(id, status, lineCount, itemQuantity, discountCode, trackingNumber);
    }

    @Override
    public String id() {
        return id;
    }

    public OrderSummary summary() {
        return new OrderSummary(id, status, lineCount, itemQuantity, discountCode, trackingNumber);
    }

    @Apply
    void on(OrderCreated event) {
        id = event.orderId().toString();
        status = OrderStatus.PENDING;
        lineCount = event.lines().size();
        for (OrderLine line : event.lines()) {
            itemQuantity += line.quantity();
        }
    }

    @Apply
    void on(ItemAdded event) {
        lineCount++;
        itemQuantity += event.line().quantity();
    }

    @Apply
    void on(ItemRemoved event) {
        lineCount--;
        itemQuantity -= event.quantity();
    }

    @Apply
    void on(DiscountApplied event) {
        discountCode = event.code();
    }

    @Apply
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @Apply
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
        trackingNumber = event.trackingNumber();
    }
}
