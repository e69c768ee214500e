package io.factum.example.ordering;

import io.factum.annotation.Event;
import io.factum.annotation.Upcast;

/**
 * {@link CustomerRegistered} as release 0.2 stored it: e-mail address and name in plain text. Do not change:
 * stored events are read with it (the schema lock checks that it matches). Version 3 seals both
 * ({@code @PersonalData}); events stored as this version keep their plaintext (docs/personal-data.md,
 * "Existing plaintext").
 */
@Event(name = "CustomerRegistered", version = 2)
public record CustomerRegisteredV2(String customerId, String email, String name, RegistrationChannel channel) {

    @Upcast
    static CustomerRegisteredV2 upcast(CustomerRegisteredV1 old) {
        return new CustomerRegisteredV2(old.customerId(), old.email(), old.name(), RegistrationChannel.fromLegacy(old.registrationMethod()));
    }
}
