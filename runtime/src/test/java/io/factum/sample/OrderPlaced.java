package io.factum.sample;

public record OrderPlaced(String orderId, String customer) implements OrderEvent {}
