package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The representative event of the codec benchmark: a list of nested records, UUID, enum and Instant. */
@Event(name = "OrderCreated")
public record OrderCreated(UUID orderId, String customerId, SalesChannel channel, List<OrderLine> lines, Instant createdAt)
        implements OrderEvent {}
