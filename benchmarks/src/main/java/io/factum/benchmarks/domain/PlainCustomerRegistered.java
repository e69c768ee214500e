package io.factum.benchmarks.domain;

import io.factum.annotation.Event;

/** {@code SealedCustomerRegistered} without {@code @PersonalData}: the baseline. */
@Event(name = "BenchCustomerRegisteredPlain")
public record PlainCustomerRegistered(String customerId, String name, String email, String plan) {}
