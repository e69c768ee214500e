package io.factum.example.ordering;

import io.factum.annotation.Event;

/**
 * {@link CustomerRegistered} as release 0.1 stored it, with the sign-up channel as free text. Do not
 * change: stored events are read with it (the schema lock checks that it matches). Outside the
 * {@link CustomerEvent} family: nothing records it any more, and aggregates never see it.
 */
@Event(name = "CustomerRegistered", version = 1)
public record CustomerRegisteredV1(String customerId, String email, String name, String registrationMethod) {}
