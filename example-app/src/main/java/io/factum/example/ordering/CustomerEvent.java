package io.factum.example.ordering;

/** Everything that can happen to a {@link Customer}. */
public sealed interface CustomerEvent permits CustomerRegistered, CustomerEmailChanged, CustomerDeactivated {

    /** The customer the event belongs to. */
    String customerId();
}
