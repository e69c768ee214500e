package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.time.Instant;

/** The order left the warehouse with a carrier. */
@Event(name = "OrderShipped")
public record OrderShipped(String orderId, String trackingNumber, String carrier, Instant shippedAt) implements OrderEvent {}
