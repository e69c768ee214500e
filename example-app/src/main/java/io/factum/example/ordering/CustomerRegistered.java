package io.factum.example.ordering;

import io.factum.annotation.Event;
import io.factum.annotation.Upcast;

/**
 * A customer signed up.
 *
 * <p>Schema version 2: {@code channel} replaced version 1's free-text {@code registrationMethod}
 * ({@link CustomerRegisteredV1}). Events stored as version 1 are upcast on read by {@link #upcast},
 * so the {@link Customer} aggregate and every subscriber only ever see this record.
 */
@Event(name = "CustomerRegistered", version = 2)
public record CustomerRegistered(String customerId, String email, String name, RegistrationChannel channel)
        implements CustomerEvent {

    @Upcast
    static CustomerRegistered upcast(CustomerRegisteredV1 old) {
        return new CustomerRegistered(old.customerId(), old.email(), old.name(), RegistrationChannel.fromLegacy(old.registrationMethod()));
    }
}
