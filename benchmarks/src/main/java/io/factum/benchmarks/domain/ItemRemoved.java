package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.util.UUID;

@Event(name = "ItemRemoved")
public record ItemRemoved(UUID orderId, String sku, int quantity) implements OrderEvent {}
