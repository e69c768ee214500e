package io.factum.benchmarks.domain;

import com.dslplatform.json.CompiledJson;
import io.factum.annotation.Event;
import java.time.Instant;
import java.util.UUID;

@Event(name = "OrderConfirmed")
@CompiledJson // DSL-JSON generates its converter at compile time, as its README recommends (a peer of the codec benchmark)
public record OrderConfirmed(UUID orderId, Instant confirmedAt) implements OrderEvent {}
