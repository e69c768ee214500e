package io.factum.sample;

public record OrderCancelled(String orderId, String reason) implements OrderEvent {}
