package io.factum.benchmarks.domain;

import com.dslplatform.json.CompiledJson;
import io.factum.annotation.Event;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The representative event of the codec benchmark: a list of nested records, UUID, enum and Instant.
 * {@code @CompiledJson} has DSL-JSON, one of the codec benchmark's peers, generate its converter at compile time.
 */
@Event(name = "OrderCreated")
@CompiledJson
public record OrderCreated(UUID orderId, String customerId, SalesChannel channel, List<OrderLine> lines, Instant createdAt)
        implements OrderEvent {}
