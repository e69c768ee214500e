package io.factum.example.ordering;

import io.factum.annotation.Event;
import io.factum.example.shared.Money;

/** The order was paid in full. */
@Event(name = "OrderPaid")
public record OrderPaid(String orderId, String paymentId, String paymentMethod, Money paidAmount) implements OrderEvent {}
