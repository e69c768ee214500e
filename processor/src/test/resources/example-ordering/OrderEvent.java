package io.factum.example.ordering;

/**
 * Everything that can happen to an {@link Order}. Sealed, so the processor checks that
 * {@code Order} has an {@code @Apply} method for every one of them.
 */
public sealed interface OrderEvent
        permits OrderCreated, OrderItemAdded, OrderConfirmed, OrderPaid, OrderShipped, OrderDelivered, OrderCancelled {

    /** The order the event belongs to. */
    String orderId();
}
