package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.time.Instant;
import java.util.UUID;

@Event(name = "OrderShipped")
public record OrderShipped(UUID orderId, String trackingNumber, Instant shippedAt) implements OrderEvent {}
