package io.factum.example.ordering;

/** Where an order is in its life. */
public enum OrderStatus {
    PENDING, CONFIRMED, PAID, SHIPPED, DELIVERED, CANCELLED
}
