package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.util.UUID;

@Event(name = "ItemAdded")
public record ItemAdded(UUID orderId, OrderLine line) implements OrderEvent {}
