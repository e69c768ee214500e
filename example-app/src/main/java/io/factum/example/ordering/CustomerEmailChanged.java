package io.factum.example.ordering;

import io.factum.annotation.Event;

/** A customer changed the address they are written to. */
@Event(name = "CustomerEmailChanged")
public record CustomerEmailChanged(String customerId, String oldEmail, String newEmail) implements CustomerEvent {}
