package io.factum.example.boot;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import java.math.BigDecimal;

/** An order: placed, then confirmed once. */
@Aggregate
public class Order extends AggregateRoot<OrderEvent> {
    private String id;
    private String customer;
    private BigDecimal amount;
    private boolean confirmed;

    Order() {}

    public static Order place(String id, String customer, BigDecimal amount) {
        if (customer == null || customer.isBlank()) {
            throw new IllegalArgumentException("An order needs a customer");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("An order's amount must be positive, was " + amount);
        }
        Order order = new Order();
        order.record(new OrderPlaced(id, customer, amount));
        return order;
    }

    public void confirm() {
        if (confirmed) {
            throw new IllegalStateException("Order " + id + " is confirmed already");
        }
        record(new OrderConfirmed(id));
    }

    @Override
    public String id() {
        return id;
    }

    public String customer() {
        return customer;
    }

    public BigDecimal amount() {
        return amount;
    }

    public boolean confirmed() {
        return confirmed;
    }

    @Apply
    void on(OrderPlaced event) {
        id = event.orderId();
        customer = event.customer();
        amount = event.amount();
    }

    @Apply
    void on(OrderConfirmed event) {
        confirmed = true;
    }
}
