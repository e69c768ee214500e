package io.factum.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.AccountEvent;
import io.factum.example.banking.AccountSnapshot;
import io.factum.example.banking.MoneyDeposited;
import io.factum.example.banking.MoneyWithdrawn;
import io.factum.example.ordering.Customer;
import io.factum.example.ordering.Order;
import io.factum.example.ordering.OrderAggregateType;
import io.factum.example.ordering.OrderLine;
import io.factum.example.ordering.RegistrationChannel;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import io.factum.testing.AggregateFixture;
import io.factum.testing.SnapshotAssertions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The test fixture started from a snapshot, and the snapshot round-trip assertion on the example's aggregates. */
class SnapshotFixtureTest {

    private static final AccountSnapshot FIFTY = new AccountSnapshot("A", "Alice", Money.parse("50.00", "EUR"), false,
            Set.of("T-1"), Set.of());

    private final AggregateFixture<Account, AccountEvent> accounts =
            AggregateFixture.of(AccountAggregateType.INSTANCE, EventTypeRegistry.of(new ExampleFactumModule()));

    @Test
    void aFixtureCanStartFromASnapshotAndTheEventsAfterIt() {
        accounts.givenSnapshot(FIFTY, 41)
                .given(new MoneyDeposited("A", Money.parse("10.00", "EUR"), Optional.empty()))
                .when(account -> account.withdraw(Money.parse("60.00", "EUR")))
                .expectEvents(new MoneyWithdrawn("A", Money.parse("60.00", "EUR"), Optional.empty()))
                .expectState(account -> {
                    assertThat(account.balance().isZero()).isTrue();
                    assertThat(account.storedRevision()).isEqualTo(42);
                });
        // the debited transfer came with the snapshot: debiting it again does nothing
        accounts.givenSnapshot(FIFTY, 41).when(account -> assertThat(account.debitForTransfer("T-1", FIFTY.balance())).isFalse())
                .expectNoEvents();
        accounts.givenSnapshot(FIFTY, 41).when(account -> account.withdraw(Money.parse("50.01", "EUR")))
                .expectError(RuleViolation.class, "Insufficient funds: account A holds 50.00 EUR, cannot take out 50.01 EUR");
    }

    @Test
    void creationCannotStartFromASnapshot() {
        assertThatThrownBy(() -> accounts.givenSnapshot(FIFTY, 0).whenCreated(() -> Account.open("B", "Bob", "EUR")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("but a snapshot is given");
    }

    @Test
    void accountAndOrderSnapshotsRoundTrip() {
        Account account = Account.open("A", "Alice", "EUR");
        account.deposit(Money.parse("12.34", "EUR"));
        account.debitForTransfer("T-9", Money.parse("2.00", "EUR"));
        account.creditForTransfer("T-8", Money.parse("1.00", "EUR"));
        Account restored = SnapshotAssertions.assertRoundTrips(AccountAggregateType.INSTANCE, account);
        assertThat(restored.balance()).isEqualTo(Money.parse("11.34", "EUR"));

        Customer customer = Customer.register("C", "Carla", "c@example.com", RegistrationChannel.WEB);
        Order order = Order.place("O", customer, List.of(new OrderLine("P", "Pen", 2, Money.parse("1.50", "EUR"))));
        order.confirm();
        order.pay("PAY-1", "card");
        assertThat(SnapshotAssertions.assertRoundTrips(OrderAggregateType.INSTANCE, order).paymentId()).isEqualTo("PAY-1");
    }
}
