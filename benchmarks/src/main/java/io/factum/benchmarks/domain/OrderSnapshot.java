package io.factum.benchmarks.domain;

/** {@link Order}'s state, as its snapshot stores it (the snapshot-load benchmark restores it). */
public record OrderSnapshot(
        String id, OrderStatus status, int lineCount, long itemQuantity, String discountCode, String trackingNumber) {}
