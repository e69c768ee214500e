package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.math.BigDecimal;

/** Recorded when the customer confirms a pending order; its items are fixed from now on. */
@Event
public record OrderConfirmed(String orderId, BigDecimal total) implements OrderEvent {}
