package io.factum.example.inventory;

/** A quantity of one product. */
public record StockLine(String productId, int quantity) {}
