package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.time.Instant;
import java.util.UUID;

@Event(name = "OrderConfirmed")
public record OrderConfirmed(UUID orderId, Instant confirmedAt) implements OrderEvent {}
