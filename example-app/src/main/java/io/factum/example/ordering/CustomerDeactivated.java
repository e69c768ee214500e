package io.factum.example.ordering;

import io.factum.annotation.Event;

/** A customer's account was closed; they can no longer place orders. */
@Event(name = "CustomerDeactivated")
public record CustomerDeactivated(String customerId, String reason) implements CustomerEvent {}
