package io.factum.benchmarks.domain;

/**
 * The state an order ends in, comparable across the aggregate variants (Factum, Axon, hand-written),
 * so tests can check that every variant replayed the same history to the same result.
 */
public record OrderSummary(
        String orderId, OrderStatus status, int lineCount, long itemQuantity, String discountCode, String trackingNumber) {}
