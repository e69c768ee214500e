package io.factum.benchmarks.domain;

/** The benchmark domain's event family: what can happen to an order. */
public sealed interface OrderEvent
        permits OrderCreated, ItemAdded, ItemRemoved, DiscountApplied, OrderConfirmed, OrderShipped {

    /** The order every event belongs to; Axon routes by it, Factum keeps it in the stream id. */
    java.util.UUID orderId();
}
