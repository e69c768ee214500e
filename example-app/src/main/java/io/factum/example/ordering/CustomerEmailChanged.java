package io.factum.example.ordering;

import io.factum.annotation.DataSubject;
import io.factum.annotation.Event;
import io.factum.annotation.PersonalData;

/**
 * A customer changed the address they are written to. Schema version 2: both addresses are personal data,
 * sealed under the customer's key; version 1 ({@link CustomerEmailChangedV1}) stored them plain.
 */
@Event(name = "CustomerEmailChanged", version = 2)
public record CustomerEmailChanged(@DataSubject String customerId,
                                   @PersonalData(forgotten = CustomerRegistered.FORGOTTEN) String oldEmail,
                                   @PersonalData(forgotten = CustomerRegistered.FORGOTTEN) String newEmail)
        implements CustomerEvent {}
