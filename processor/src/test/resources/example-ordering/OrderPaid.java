package io.factum.example.ordering;

import io.factum.annotation.Event;
import java.math.BigDecimal;

/** Recorded when a confirmed order is paid in full. */
@Event
public record OrderPaid(String orderId, String paymentId, BigDecimal amount) implements OrderEvent {}
