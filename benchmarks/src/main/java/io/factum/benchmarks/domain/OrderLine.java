package io.factum.benchmarks.domain;

import java.math.BigDecimal;

/** One line of an order: a nested record inside events, not an event itself. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
