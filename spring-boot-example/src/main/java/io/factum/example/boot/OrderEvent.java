package io.factum.example.boot;

/** What happens to an order. */
public sealed interface OrderEvent permits OrderPlaced, OrderConfirmed {}
