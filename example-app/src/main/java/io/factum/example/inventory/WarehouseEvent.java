package io.factum.example.inventory;

/** Everything that can happen to a {@link Warehouse}. */
public sealed interface WarehouseEvent permits StockReceived, StockReserved, StockReservationRefused, StockReleased {

    /** The warehouse the event belongs to. */
    String warehouseId();
}
