package io.factum.example.ordering;

import io.factum.annotation.Event;

/** A line was added to a pending order. */
@Event(name = "OrderItemAdded")
public record OrderItemAdded(String orderId, OrderLine item) implements OrderEvent {}
