package io.factum.example.ordering;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import io.factum.example.shared.Ids;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An order, event-sourced: command methods check the lesson's rules and record an event;
 * {@code @Apply} methods change state, both when a command records an event and when the order
 * is rebuilt from its stream. Apply methods never check rules: history is history.
 */
@Aggregate(name = "Order", snapshot = OrderSnapshot.class)
public class Order extends AggregateRoot<OrderEvent> {

    private String id;
    private String customerId;
    private final List<OrderLine> lines = new ArrayList<>();
    private Money total;
    private OrderStatus status;
    private String paymentId;
    private String trackingNumber;
    private String carrier;
    private String cancellationReason;

    /** An empty order, for replay; use {@link #place} to create one. */
    public Order() {}

    /** An order restored from a snapshot; the repository replays the events after it. */
    Order(OrderSnapshot snapshot) {
        id = snapshot.id();
        customerId = snapshot.customerId();
        lines.addAll(snapshot.lines());
        total = snapshot.total();
        status = snapshot.status();
        paymentId = snapshot.paymentId().orElse(null);
        trackingNumber = snapshot.trackingNumber().orElse(null);
        carrier = snapshot.carrier().orElse(null);
        cancellationReason = snapshot.cancellationReason().orElse(null);
    }

    /** This order's state, for a snapshot. */
    OrderSnapshot snapshot() {
        return new OrderSnapshot(id, customerId, List.copyOf(lines), total, status, Optional.ofNullable(paymentId),
                Optional.ofNullable(trackingNumber), Optional.ofNullable(carrier), Optional.ofNullable(cancellationReason));
    }

    /**
     * Places a new order for {@code customer}.
     *
     * @throws RuleViolation if the customer is deactivated, there are no lines, or they mix currencies
     */
    public static Order place(String orderId, Customer customer, List<OrderLine> items) {
        Ids.require("order", orderId);
        if (!customer.isActive()) {
            throw new RuleViolation("Customer " + customer.id() + " is deactivated and cannot place orders");
        }
        if (items.isEmpty()) {
            throw new RuleViolation("An order needs at least one item");
        }
        Money total = Money.zero(items.get(0).unitPrice().currency());
        for (OrderLine line : items) {
            requireValidLine(line, total.currency());
            total = total.plus(line.lineTotal());
        }
        Order order = new Order();
        order.record(new OrderCreated(orderId, customer.id(), List.copyOf(items), total));
        return order;
    }

    /** Adds a line to a pending order. */
    public void addItem(OrderLine line) {
        requireStatus(OrderStatus.PENDING, "Items can only be added to pending orders");
        requireValidLine(line, total.currency());
        record(new OrderItemAdded(id, line));
    }

    /** The lesson's first rule: only pending orders can be confirmed. */
    public void confirm() {
        requireStatus(OrderStatus.PENDING, "Only pending orders can be confirmed");
        record(new OrderConfirmed(id, Instant.now()));
    }

    /** Pays the order in full. */
    public void pay(String paymentId, String paymentMethod) {
        requireStatus(OrderStatus.CONFIRMED, "Only confirmed orders can be paid");
        record(new OrderPaid(id, Ids.require("payment", paymentId), Ids.requireText("Payment method", paymentMethod), total));
    }

    /** Hands a paid order to a carrier. */
    public void ship(String trackingNumber, String carrier) {
        requireStatus(OrderStatus.PAID, "Only paid orders can be shipped");
        record(new OrderShipped(id, Ids.require("tracking number", trackingNumber), Ids.requireText("Carrier", carrier),
                Instant.now()));
    }

    /** Records that the carrier delivered a shipped order. */
    public void deliver() {
        requireStatus(OrderStatus.SHIPPED, "Only shipped orders can be delivered");
        record(new OrderDelivered(id, Instant.now()));
    }

    /** Cancels an order that has not shipped yet. */
    public void cancel(String reason) {
        if (status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED) {
            throw violation("Orders cannot be cancelled after shipping");
        }
        if (status == OrderStatus.CANCELLED) {
            throw violation("The order is already cancelled");
        }
        record(new OrderCancelled(id, Ids.requireText("Cancellation reason", reason), Instant.now()));
    }

    private void requireStatus(OrderStatus required, String rule) {
        if (status != required) {
            throw violation(rule);
        }
    }

    private RuleViolation violation(String rule) {
        return new RuleViolation(rule + " (order " + id + " is " + status + ")");
    }

    private static void requireValidLine(OrderLine line, String currency) {
        Ids.require("product", line.productId());
        if (line.quantity() < 1) {
            throw new RuleViolation("Quantity of " + line.productId() + " must be at least 1, was " + line.quantity());
        }
        if (!line.unitPrice().isPositive()) {
            throw new RuleViolation("Price of " + line.productId() + " must be positive, was " + line.unitPrice());
        }
        if (!line.unitPrice().currency().equals(currency)) {
            throw new RuleViolation("All items of an order must be priced in " + currency + "; "
                    + line.productId() + " is priced in " + line.unitPrice().currency());
        }
    }

    @Apply
    void on(OrderCreated event) {
        id = event.orderId();
        customerId = event.customerId();
        lines.addAll(event.items());
        total = event.totalAmount();
        status = OrderStatus.PENDING;
    }

    @Apply
    void on(OrderItemAdded event) {
        lines.add(event.item());
        total = total.plus(event.item().lineTotal());
    }

    @Apply
    void on(OrderConfirmed event) {
        status = OrderStatus.CONFIRMED;
    }

    @Apply
    void on(OrderPaid event) {
        status = OrderStatus.PAID;
        paymentId = event.paymentId();
    }

    @Apply
    void on(OrderShipped event) {
        status = OrderStatus.SHIPPED;
        trackingNumber = event.trackingNumber();
        carrier = event.carrier();
    }

    @Apply
    void on(OrderDelivered event) {
        status = OrderStatus.DELIVERED;
    }

    @Apply
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
        cancellationReason = event.reason();
    }

    @Override
    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public Money total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    /** The payment id once paid, else null. */
    public String paymentId() {
        return paymentId;
    }

    /** The tracking number once shipped, else null. */
    public String trackingNumber() {
        return trackingNumber;
    }

    /** The carrier once shipped, else null. */
    public String carrier() {
        return carrier;
    }

    /** Why the order was cancelled, or null. */
    public String cancellationReason() {
        return cancellationReason;
    }
}
