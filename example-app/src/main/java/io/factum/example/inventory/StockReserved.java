package io.factum.example.inventory;

import io.factum.annotation.Event;
import java.util.List;

/**
 * Stock was put aside for an order.
 *
 * @param orderRevision revision of the order event this reacts to; lets the warehouse recognise
 *                      a redelivered event (subscriptions deliver at least once)
 */
@Event(name = "StockReserved")
public record StockReserved(String warehouseId, String orderId, long orderRevision, List<StockLine> lines)
        implements WarehouseEvent {}
