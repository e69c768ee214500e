package io.factum.benchmarks.domain;

import com.dslplatform.json.CompiledJson;
import io.factum.annotation.Event;
import java.time.Instant;
import java.util.UUID;

/**
 * The small event of the codec benchmark (94 bytes of JSON). {@code @CompiledJson} has DSL-JSON, one of the codec
 * benchmark's peers, generate its converter at compile time.
 */
@Event(name = "OrderConfirmed")
@CompiledJson
public record OrderConfirmed(UUID orderId, Instant confirmedAt) implements OrderEvent {}
