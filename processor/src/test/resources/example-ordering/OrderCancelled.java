package io.factum.example.ordering;

import io.factum.annotation.Event;

/** Recorded when an order is cancelled before it ships. */
@Event
public record OrderCancelled(String orderId, String reason) implements OrderEvent {}
