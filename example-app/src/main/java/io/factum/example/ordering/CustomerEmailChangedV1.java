package io.factum.example.ordering;

import io.factum.annotation.Event;
import io.factum.annotation.Upcast;

/**
 * {@link CustomerEmailChanged} as release 0.2 stored it, both addresses in plain text. Do not change: stored
 * events are read with it (the schema lock checks that it matches).
 */
@Event(name = "CustomerEmailChanged", version = 1)
public record CustomerEmailChangedV1(String customerId, String oldEmail, String newEmail) {

    @Upcast
    static CustomerEmailChanged upcast(CustomerEmailChangedV1 old) {
        return new CustomerEmailChanged(old.customerId(), old.oldEmail(), old.newEmail());
    }
}
