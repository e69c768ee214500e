package io.factum.example.ordering;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventEnvelope;
import io.factum.example.shared.Aggregates;
import io.factum.example.shared.Ids;
import io.factum.example.shared.RuleViolation;
import io.factum.store.Metadata;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Ordering context's commands: each loads one aggregate by replay, runs one command method and
 * saves what it recorded. A broken rule throws {@link RuleViolation} before anything is saved.
 */
public final class OrderingService {

    private final AggregateRepository<Order, OrderEvent> orders;
    private final AggregateRepository<Customer, CustomerEvent> customers;

    public OrderingService(AggregateRepository<Order, OrderEvent> orders, AggregateRepository<Customer, CustomerEvent> customers) {
        this.orders = orders;
        this.customers = customers;
    }

    public List<EventEnvelope<CustomerEvent>> registerCustomer(String customerId, String name, String email,
                                                              RegistrationChannel channel) {
        Ids.require("customer", customerId);
        if (customers.find(customerId).isPresent()) {
            throw new RuleViolation("Customer " + customerId + " already exists");
        }
        return customers.save(Customer.register(customerId, name, email, channel), Metadata.empty());
    }

    public List<EventEnvelope<CustomerEvent>> changeEmail(String customerId, String newEmail) {
        return Aggregates.change(customers, "customer", customerId, Metadata.empty(), customer -> customer.changeEmail(newEmail));
    }

    public List<EventEnvelope<CustomerEvent>> deactivateCustomer(String customerId, String reason) {
        return Aggregates.change(customers, "customer", customerId, Metadata.empty(), customer -> customer.deactivate(reason));
    }

    /** Places an order; the customer must exist and be active. */
    public List<EventEnvelope<OrderEvent>> placeOrder(String orderId, String customerId, List<OrderLine> items) {
        Ids.require("order", orderId);
        if (orders.find(orderId).isPresent()) {
            throw new RuleViolation("Order " + orderId + " already exists");
        }
        Customer customer = Aggregates.load(customers, "customer", customerId);
        return orders.save(Order.place(orderId, customer, items), Metadata.empty());
    }

    public List<EventEnvelope<OrderEvent>> addItem(String orderId, OrderLine item) {
        return change(orderId, order -> order.addItem(item));
    }

    public List<EventEnvelope<OrderEvent>> confirm(String orderId) {
        return change(orderId, Order::confirm);
    }

    public List<EventEnvelope<OrderEvent>> pay(String orderId, String paymentId, String paymentMethod) {
        return change(orderId, order -> order.pay(paymentId, paymentMethod));
    }

    public List<EventEnvelope<OrderEvent>> ship(String orderId, String trackingNumber, String carrier) {
        return change(orderId, order -> order.ship(trackingNumber, carrier));
    }

    public List<EventEnvelope<OrderEvent>> deliver(String orderId) {
        return change(orderId, Order::deliver);
    }

    public List<EventEnvelope<OrderEvent>> cancel(String orderId, String reason) {
        return change(orderId, order -> order.cancel(reason));
    }

    /** The order rebuilt from its events. */
    public Order order(String orderId) {
        return Aggregates.load(orders, "order", orderId);
    }

    /** Whether a customer with this id was registered. */
    public boolean customerExists(String customerId) {
        return customers.find(Ids.require("customer", customerId)).isPresent();
    }

    /** The customer rebuilt from its events. */
    public Customer customer(String customerId) {
        return Aggregates.load(customers, "customer", customerId);
    }

    private List<EventEnvelope<OrderEvent>> change(String orderId, Consumer<Order> command) {
        return Aggregates.change(orders, "order", orderId, Metadata.empty(), command);
    }
}
