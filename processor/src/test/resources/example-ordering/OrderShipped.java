package io.factum.example.ordering;

import io.factum.annotation.Event;

/** Recorded when a paid order leaves the warehouse. */
@Event
public record OrderShipped(String orderId, String trackingNumber) implements OrderEvent {}
