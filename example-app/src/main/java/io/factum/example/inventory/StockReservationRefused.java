package io.factum.example.inventory;

import io.factum.annotation.Event;
import java.util.List;

/** The warehouse could not reserve what an order needs; nothing was reserved for that request. */
@Event(name = "StockReservationRefused")
public record StockReservationRefused(String warehouseId, String orderId, long orderRevision, List<Shortage> shortages)
        implements WarehouseEvent {}
