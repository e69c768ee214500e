package io.factum.example.ordering;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import java.math.BigDecimal;

/**
 * An order, event-sourced: command methods check the invariants and record an event; the
 * {@code @Apply} methods change the state, on commands and on replay alike.
 *
 * <p>Life: pending (items may be added) → confirmed → paid → shipped → delivered; it can be
 * cancelled until it ships.
 */
@Aggregate
public class Order extends AggregateRoot<OrderEvent> {

    private String id;
    private String customerId;
    private OrderStatus status;
    private BigDecimal total = BigDecimal.ZERO;
    private int itemCount;

    /** For the generated {@code OrderAggregateType}: an empty order, before its first event. */
    Order() {}

    /** Opens a new, pending order for {@code customerId}. */
    public static Order create(String orderId, String customerId) {
        require(orderId != null && !orderId.isBlank(), "An order needs an id");
        require(customerId != null && !customerId.isBlank(), "An order needs a customer");
        Order order = new Order();
        order.record(new OrderCreated(orderId, customerId));
        return order;
    }

    public void addItem(String productId, int quantity, BigDecimal unitPrice) {
        require(status == OrderStatus.PENDING, "Items can only be added to pending orders");
        require(quantity > 0, "Quantity must be positive");
        require(unitPrice != null && unitPrice.signum() >= 0, "Unit price must not be negative");
        record(new OrderItemAdded(id, productId, quantity, unitPrice));
    }

    public void confirm() {
        require(status == OrderStatus.PENDING, "Only pending orders can be confirmed");
        require(itemCount > 0, "An empty order cannot be confirmed");
        record(new OrderConfirmed(id, total));
    }

    public void pay(String paymentId, BigDecimal amount) {
        require(status == OrderStatus.CONFIRMED, "Only confirmed orders can be paid");
        require(amount != null && amount.compareTo(total) == 0, "The payment must match the order total " + total);
        record(new OrderPaid(id, paymentId, amount));
    }

    public void ship(String trackingNumber) {
        require(status == OrderStatus.PAID, "Only paid orders can be shipped");
        record(new OrderShipped(id, trackingNumber));
    }

    public void deliver() {
        require(status == OrderStatus.SHIPPED, "Only shipped orders can be delivered");
        record(new OrderDelivered(id));
    }

    public void cancel(String reason) {
        require(status != OrderStatus.SHIPPED && status != OrderStatus.DELIVERED, "Orders cannot be cancelled after shipping");
        require(status != OrderStatus.CANCELLED, "The order is already cancelled");
        record(new OrderCancelled(id, reason));
    }

    @Override
    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal total() {
        return total;
    }

    @Apply
    void on(OrderCreated event) {
        id = event.orderId();
        customerId = event.customerId();
        status = OrderStatus.PENDING;
    }

    @Apply
    void on(OrderItemAdded event) {
        total = total.add(event.unitPrice().multiply(BigDecimal.valueOf(event.quantity())));
        itemCount++;
    }

    @Apply
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @Apply
    void on(OrderPaid event) {
        status = OrderStatus.PAID;
    }

    @Apply
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
    }

    @Apply
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @Apply
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
