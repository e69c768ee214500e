package io.factum.sample;

/** The sample Order aggregate's event family, as a user would declare it. */
public sealed interface OrderEvent permits OrderPlaced, ItemAdded, OrderConfirmed, OrderCancelled {
    String orderId();
}
