package io.factum.example.ordering;

import io.factum.annotation.DataSubject;
import io.factum.annotation.Event;
import io.factum.annotation.PersonalData;
import io.factum.annotation.Upcast;

/**
 * A customer signed up.
 *
 * <p>Schema version 3: {@code email} and {@code name} are personal data, sealed under the customer's own
 * key ({@code customer forget} destroys it; both then read as {@value #FORGOTTEN}). Version 2
 * ({@link CustomerRegisteredV2}) stored them plain, version 1 ({@link CustomerRegisteredV1}) also had the
 * sign-up channel as free text; stored events of both are upcast on read (v1 → v2 → v3), so the
 * {@link Customer} aggregate and every subscriber only ever see this record.
 */
@Event(name = "CustomerRegistered", version = 3)
public record CustomerRegistered(@DataSubject String customerId,
                                 @PersonalData(forgotten = FORGOTTEN) String email,
                                 @PersonalData(forgotten = FORGOTTEN) String name,
                                 RegistrationChannel channel) implements CustomerEvent {

    /** What a personal component of a forgotten customer reads as. */
    public static final String FORGOTTEN = "(forgotten)";

    @Upcast
    static CustomerRegistered upcast(CustomerRegisteredV2 old) {
        return new CustomerRegistered(old.customerId(), old.email(), old.name(), old.channel());
    }
}
