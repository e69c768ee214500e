package io.factum.benchmarks.domain;

/** The lifecycle state every aggregate variant of the benchmarks tracks. */
public enum OrderStatus {
    NEW,
    PENDING,
    CONFIRMED,
    SHIPPED
}
