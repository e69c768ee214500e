package io.factum.benchmarks.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deterministic sample data: the same events for every variant of every benchmark, so results are
 * comparable between runs and between peers.
 */
public final class OrderHistory {

    /** The order the sample history belongs to. */
    public static final UUID ORDER_ID = UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");

    private static final Instant START = Instant.parse("2026-11-26T08:00:00.123456Z");

    private OrderHistory() {}

    /** The representative event of the codec benchmark: three lines, an enum, a UUID, an Instant. */
    public static OrderCreated orderCreated(UUID orderId) {
        return new OrderCreated(orderId, "customer-4711", SalesChannel.WEB, List.of(
                new OrderLine("SKU-1001", 2, new BigDecimal("19.99")),
                new OrderLine("SKU-2002", 1, new BigDecimal("249.00")),
                new OrderLine("SKU-3003", 12, new BigDecimal("0.35"))), START);
    }

    /** The small event of the codec benchmark: a UUID and an Instant, 94 bytes of JSON. */
    public static OrderConfirmed orderConfirmed(UUID orderId) {
        return new OrderConfirmed(orderId, START);
    }

    /**
     * {@code count} events of one order: its creation, then a repeating mix of the other five event types
     * (mostly items added and removed, as in a busy cart).
     */
    public static List<OrderEvent> events(UUID orderId, int count) {
        List<OrderEvent> events = new ArrayList<>(count);
        events.add(orderCreated(orderId));
        for (int i = 1; i < count; i++) {
            events.add(event(orderId, i));
        }
        return events;
    }

    private static OrderEvent event(UUID orderId, int i) {
        Instant at = START.plusSeconds(i);
        String sku = "SKU-" + (4000 + i % 97);
        switch (i % 8) {
            case 0:
                return new DiscountApplied(orderId, "SAVE" + i % 10, new BigDecimal("5.00"));
            case 1:
            case 2:
            case 3:
                return new ItemAdded(orderId, new OrderLine(sku, 1 + i % 5, new BigDecimal("9.95")));
            case 4:
            case 5:
                return new ItemRemoved(orderId, sku, 1);
            case 6:
                return new OrderConfirmed(orderId, at);
            default:
                return new OrderShipped(orderId, "TRACK-" + i, at);
        }
    }
}
