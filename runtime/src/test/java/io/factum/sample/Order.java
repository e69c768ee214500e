package io.factum.sample;

import io.factum.aggregate.AggregateRoot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small Order aggregate, written the way a user would write it: command methods check
 * invariants and record events; apply methods only assign state.
 */
public final class Order extends AggregateRoot<OrderEvent> {

    public enum Status { PENDING, CONFIRMED, CANCELLED }

    private String id;
    private String customer;
    private Status status;
    private final List<String> items = new ArrayList<>();

    public static Order place(String id, String customer) {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("An order needs a customer");
        }
        Order order = new Order();
        order.record(new OrderPlaced(id, customer));
        return order;
    }

    public void addItem(String sku, int quantity) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Items can only be added to pending orders");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("Quantity must be at least 1, was " + quantity);
        }
        record(new ItemAdded(id, sku, quantity));
    }

    public void confirm() {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Only pending orders can be confirmed");
        }
        record(new OrderConfirmed(id));
    }

    public void cancel(String reason) {
        if (status == Status.CANCELLED) {
            return; // already cancelled: nothing new happened
        }
        record(new OrderCancelled(id, reason));
    }

    @Override
    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    public Status status() {
        return status;
    }

    public List<String> items() {
        return Collections.unmodifiableList(items);
    }

    void on(OrderPlaced event) {
        id = event.orderId();
        customer = event.customer();
        status = Status.PENDING;
    }

    void on(ItemAdded event) {
        items.add(event.quantity() + " x " + event.sku());
    }

    void on(OrderConfirmed event) {
        status = Status.CONFIRMED;
    }

    void on(OrderCancelled event) {
        status = Status.CANCELLED;
    }
}
