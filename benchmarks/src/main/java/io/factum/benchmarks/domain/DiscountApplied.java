package io.factum.benchmarks.domain;

import io.factum.annotation.Event;
import java.math.BigDecimal;
import java.util.UUID;

@Event(name = "DiscountApplied")
public record DiscountApplied(UUID orderId, String code, BigDecimal amount) implements OrderEvent {}
