package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.math.BigDecimal;

/** Recorded when a product is put into a pending order. */
@Event
public record OrderItemAdded(String orderId, String productId, int quantity, BigDecimal unitPrice) implements OrderEvent {}
