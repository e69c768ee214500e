package io.factum.example.inventory;

import io.factum.annotation.Event;
import java.util.List;

/** An order's reserved stock went back on the shelf (the order was cancelled). */
@Event(name = "StockReleased")
public record StockReleased(String warehouseId, String orderId, long orderRevision, List<StockLine> lines)
        implements WarehouseEvent {}
