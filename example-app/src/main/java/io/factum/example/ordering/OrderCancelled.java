package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.time.Instant;

/** The order was cancelled before it shipped. */
@Event(name = "OrderCancelled")
public record OrderCancelled(String orderId, String reason, Instant cancelledAt) implements OrderEvent {}
