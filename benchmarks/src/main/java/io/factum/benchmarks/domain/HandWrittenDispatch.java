package io.factum.benchmarks.domain;

/**
 * The limit for generated dispatch: an {@code instanceof} chain written by hand, calling the same
 * apply methods of {@link Order} that Factum's generated {@code OrderAggregateType} calls.
 */
public final class HandWrittenDispatch {

    private HandWrittenDispatch() {}

    public static void apply(Order order, OrderEvent event) {
        if (event instanceof ItemAdded added) {
            order.on(added);
        } else if (event instanceof ItemRemoved removed) {
            order.on(removed);
        } else if (event instanceof DiscountApplied discount) {
            order.on(discount);
        } else if (event instanceof OrderConfirmed confirmed) {
            order.on(confirmed);
        } else if (event instanceof OrderShipped shipped) {
            order.on(shipped);
        } else if (event instanceof OrderCreated created) {
            order.on(created);
        } else {
            throw new IllegalArgumentException("Not an order event: " + event);
        }
    }
}
