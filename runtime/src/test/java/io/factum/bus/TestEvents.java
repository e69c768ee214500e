package io.factum.bus;

import io.factum.event.EventEnvelope;

/** Event records and helpers shared by the bus tests. */
final class TestEvents {

    record OrderPlaced(int publisher, int sequence) {}

    record OrderPaid(String orderId) {}

    record OrderShipped(String orderId) {}

    sealed interface OrderEvent permits OrderCancelled, OrderRefunded {}

    record OrderCancelled(String orderId) implements OrderEvent {}

    record OrderRefunded(String orderId) implements OrderEvent {}

    private TestEvents() {}

    static EventEnvelope<OrderPlaced> placed(int publisher, int sequence) {
        return LocalEnvelopes.of(new OrderPlaced(publisher, sequence));
    }

    static EventEnvelope<OrderPlaced> placed(int sequence) {
        return placed(0, sequence);
    }

    static EventEnvelope<OrderPaid> paid(String orderId) {
        return LocalEnvelopes.of(new OrderPaid(orderId));
    }
}
