package io.factum.example.boot;

import io.factum.annotation.Event;

@Event
public record OrderConfirmed(String orderId) implements OrderEvent {}
