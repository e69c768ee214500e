package io.factum.example.ordering;

import io.factum.annotation.Event;

/** Recorded when the carrier hands a shipped order to the customer. */
@Event
public record OrderDelivered(String orderId) implements OrderEvent {}
