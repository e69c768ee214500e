package io.factum.example.boot;

import io.factum.annotation.Event;
import java.math.BigDecimal;

@Event
public record OrderPlaced(String orderId, String customer, BigDecimal amount) implements OrderEvent {}
