package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.time.Instant;

/** The carrier delivered the order. */
@Event(name = "OrderDelivered")
public record OrderDelivered(String orderId, Instant deliveredAt) implements OrderEvent {}
