package io.factum.benchmarks.domain;

import io.factum.annotation.DataSubject;
import io.factum.annotation.Event;
import io.factum.annotation.PersonalData;

/** The lesson's {@code CustomerRegistered} with its name and e-mail address sealed under the customer's key. */
@Event(name = "BenchCustomerRegisteredSealed")
public record SealedCustomerRegistered(@DataSubject String customerId,
                                       @PersonalData(forgotten = "(forgotten)") String name,
                                       @PersonalData(forgotten = "(forgotten)") String email,
                                       String plan) {}
