package io.factum.sample;

public record OrderConfirmed(String orderId) implements OrderEvent {}
