package io.factum.example.ordering;

import io.factum.annotation.Event;

/** A customer signed up. */
@Event(name = "CustomerRegistered")
public record CustomerRegistered(String customerId, String email, String name, String registrationMethod)
        implements CustomerEvent {}
