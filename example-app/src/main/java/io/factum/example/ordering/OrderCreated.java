package io.factum.example.ordering;

import io.factum.annotation.Event;
import io.factum.example.shared.Money;
import java.util.List;

/** A customer placed an order. Carries every line so that other contexts need not ask Ordering. */
@Event(name = "OrderCreated")
public record OrderCreated(String orderId, String customerId, List<OrderLine> items, Money totalAmount)
        implements OrderEvent {}
