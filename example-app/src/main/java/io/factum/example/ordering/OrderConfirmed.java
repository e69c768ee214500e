package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.time.Instant;

/** The customer confirmed the order; no more lines can be added. */
@Event(name = "OrderConfirmed")
public record OrderConfirmed(String orderId, Instant confirmedAt) implements OrderEvent {}
