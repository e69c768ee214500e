package io.factum.example.analytics;

import io.factum.example.ordering.OrderStatus;
import io.factum.example.shared.Money;
import java.util.List;
import java.util.Map;

/**
 * The Analytics read model: how many orders are in each status, and the revenue per currency
 * (what was paid for orders that were not cancelled).
 *
 * @param ordersByStatus  every status, in lifecycle order, with its count (zero included)
 * @param revenue         per currency, sorted by currency code
 */
public record SalesReport(Map<OrderStatus, Long> ordersByStatus, List<Money> revenue) {

    /** Total number of orders. */
    public long orderCount() {
        return ordersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
