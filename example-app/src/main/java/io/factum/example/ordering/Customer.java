package io.factum.example.ordering;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import io.factum.example.shared.Ids;
import io.factum.example.shared.InvalidInputException;
import io.factum.example.shared.RuleViolation;
import java.util.Objects;
import java.util.regex.Pattern;

/** A customer of the shop, event-sourced. Only active customers can place orders ({@link Order#place}). */
@Aggregate(name = "Customer")
public class Customer extends AggregateRoot<CustomerEvent> {

    // Deliberately loose: one '@', something on each side, a dot in the domain.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private String id;
    private String name;
    private String email;
    private RegistrationChannel channel;
    private boolean active;
    private String deactivationReason;

    /** An empty customer, for replay; use {@link #register}. */
    public Customer() {}

    /** Registers a new customer who signed up through {@code channel}. */
    public static Customer register(String customerId, String name, String email, RegistrationChannel channel) {
        Customer customer = new Customer();
        customer.record(new CustomerRegistered(Ids.require("customer", customerId), requireEmail(email),
                Ids.requireText("Customer name", name), Objects.requireNonNull(channel, "channel")));
        return customer;
    }

    /** Changes the e-mail address of an active customer. */
    public void changeEmail(String newEmail) {
        requireActive("change their e-mail address");
        String checked = requireEmail(newEmail);
        if (checked.equalsIgnoreCase(email)) {
            throw new RuleViolation("Customer " + id + " already uses " + email);
        }
        record(new CustomerEmailChanged(id, email, checked));
    }

    /** Deactivates the customer; they can no longer place orders. */
    public void deactivate(String reason) {
        requireActive("be deactivated again");
        record(new CustomerDeactivated(id, Ids.requireText("Deactivation reason", reason)));
    }

    private void requireActive(String action) {
        if (!active) {
            throw new RuleViolation("Customer " + id + " is deactivated and cannot " + action);
        }
    }

    private static String requireEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("'" + email + "' is not an e-mail address");
        }
        return email.strip();
    }

    @Apply
    void on(CustomerRegistered event) {
        id = event.customerId();
        name = event.name();
        email = event.email();
        channel = event.channel();
        active = true;
    }

    @Apply
    void on(CustomerEmailChanged event) {
        email = event.newEmail();
    }

    @Apply
    void on(CustomerDeactivated event) {
        active = false;
        deactivationReason = event.reason();
    }

    @Override
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    /** How the customer signed up. */
    public RegistrationChannel channel() {
        return channel;
    }

    public boolean isActive() {
        return active;
    }

    /** Why the customer was deactivated, or null while active. */
    public String deactivationReason() {
        return deactivationReason;
    }
}
