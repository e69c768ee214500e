package io.factum.sample;

public record ItemAdded(String orderId, String sku, int quantity) implements OrderEvent {}
