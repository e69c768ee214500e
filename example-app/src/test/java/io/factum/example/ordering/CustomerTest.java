package io.factum.example.ordering;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.InMemoryKeys;
import io.factum.example.shared.InvalidInputException;
import io.factum.example.shared.RuleViolation;
import io.factum.testing.AggregateFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InMemoryKeys.class)
class CustomerTest {

    private static final CustomerRegistered REGISTERED = new CustomerRegistered("alice", "alice@example.com", "Alice", RegistrationChannel.WEB);

    private final AggregateFixture<Customer, CustomerEvent> customers =
            AggregateFixture.of(CustomerAggregateType.INSTANCE, EventTypeRegistry.of(new ExampleFactumModule()));

    @Test
    void registersWithAValidEmail() {
        customers.whenCreated(() -> Customer.register("alice", "Alice", "alice@example.com", RegistrationChannel.WEB)).expectEvents(REGISTERED);
        customers.whenCreated(() -> Customer.register("alice", "Alice", "not-an-email", RegistrationChannel.WEB))
                .expectError(InvalidInputException.class, "'not-an-email' is not an e-mail address");
    }

    @Test
    void changesEmailOnlyWhileActiveAndOnlyToANewAddress() {
        customers.given(REGISTERED).when(customer -> customer.changeEmail("alice@new.example.com"))
                .expectEvents(new CustomerEmailChanged("alice", "alice@example.com", "alice@new.example.com"));
        customers.given(REGISTERED).when(customer -> customer.changeEmail("ALICE@example.com"))
                .expectError(RuleViolation.class, "Customer alice already uses alice@example.com");
        customers.given(REGISTERED, new CustomerDeactivated("alice", "left")).when(customer -> customer.changeEmail("a@b.cd"))
                .expectError(RuleViolation.class, "Customer alice is deactivated and cannot change their e-mail address");
    }

    @Test
    void isDeactivatedOnce() {
        customers.given(REGISTERED).when(customer -> customer.deactivate("left")).expectEvents(new CustomerDeactivated("alice", "left"));
        customers.given(REGISTERED, new CustomerDeactivated("alice", "left")).when(customer -> customer.deactivate("again"))
                .expectError(RuleViolation.class, "Customer alice is deactivated and cannot be deactivated again");
    }
}
