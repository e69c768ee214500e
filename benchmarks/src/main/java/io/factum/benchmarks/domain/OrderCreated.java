package io.factum.benchmarks.domain;

import com.dslplatform.json.CompiledJson;
import io.factum.annotation.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The representative event of the codec benchmark: a list of nested records, UUID, enum and Instant. */
@Event(name = "OrderCreated")
@CompiledJson // DSL-JSON generates its converter at compile time, as its README recommends (a peer of the codec benchmark)
public record OrderCreated(UUID orderId, String customerId, SalesChannel channel, List<OrderLine> lines, Instant createdAt)
        implements OrderEvent {}
