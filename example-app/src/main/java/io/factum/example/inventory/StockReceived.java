package io.factum.example.inventory;

import io.factum.annotation.Event;

/** Goods arrived at the warehouse. */
@Event(name = "StockReceived")
public record StockReceived(String warehouseId, String productId, int quantity) implements WarehouseEvent {}
