package io.factum.benchmarks.personal;

import io.factum.annotation.Event;

/** {@link SealedCustomerRegistered} without {@code @PersonalData}: the baseline. */
@Event(name = "BenchCustomerRegisteredPlain")
public record PlainCustomerRegistered(String customerId, String name, String email, String plan) {}
