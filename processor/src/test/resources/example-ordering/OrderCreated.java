package io.factum.example.ordering;

import io.factum.annotation.Event;

/** Recorded when a customer opens a new order. */
@Event
public record OrderCreated(String orderId, String customerId) implements OrderEvent {}
