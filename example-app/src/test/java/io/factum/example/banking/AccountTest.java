package io.factum.example.banking;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import io.factum.testing.AggregateFixture;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lesson's closing exercise: a bank account with no overdraft. */
class AccountTest {

    private static final AccountOpened OPENED = new AccountOpened("A", "Alice", "EUR");
    private static final MoneyDeposited HUNDRED_IN = new MoneyDeposited("A", eur("100.00"), Optional.empty());

    private final AggregateFixture<Account, AccountEvent> accounts =
            AggregateFixture.of(AccountAggregateType.INSTANCE, EventTypeRegistry.of(new ExampleFactumModule()));

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    @Test
    void theBalanceIsTheSumOfItsEvents() {
        accounts.given(OPENED, HUNDRED_IN, new MoneyWithdrawn("A", eur("30.50"), Optional.of("T-1")))
                .when(account -> account.deposit(eur("0.50")))
                .expectEvents(new MoneyDeposited("A", eur("0.50"), Optional.empty()))
                .expectState(account -> assertThat(account.balance()).isEqualTo(eur("70.00")));
    }

    @Test
    void noOverdraft() {
        accounts.given(OPENED, HUNDRED_IN).when(account -> account.withdraw(eur("100.01")))
                .expectError(RuleViolation.class, "Insufficient funds: account A holds 100.00 EUR, cannot take out 100.01 EUR");
        accounts.given(OPENED, HUNDRED_IN).when(account -> account.withdraw(eur("100.00")))
                .expectEvents(new MoneyWithdrawn("A", eur("100.00"), Optional.empty()));
    }

    @Test
    void amountsArePositiveAndInTheAccountsCurrency() {
        accounts.given(OPENED).when(account -> account.deposit(eur("0")))
                .expectError(RuleViolation.class, "Amount must be positive, was 0.00 EUR");
        accounts.given(OPENED).when(account -> account.deposit(Money.parse("5", "USD")))
                .expectError(RuleViolation.class, "Account A holds EUR, not USD");
    }

    @Test
    void onlyEmptyAccountsCloseAndClosedAccountsTakeNothing() {
        accounts.given(OPENED, HUNDRED_IN).when(Account::close)
                .expectError(RuleViolation.class, "Account A still holds 100.00 EUR; withdraw it before closing the account");
        accounts.given(OPENED).when(Account::close).expectEvents(new AccountClosed("A"));
        accounts.given(OPENED, new AccountClosed("A")).when(account -> account.deposit(eur("1")))
                .expectError(RuleViolation.class, "Account A is closed and cannot deposit");
    }

    @Test
    void aTransferMovesMoneyThroughAnAccountOnlyOnce() {
        accounts.given(OPENED, HUNDRED_IN, new MoneyWithdrawn("A", eur("10.00"), Optional.of("T-1")))
                .when(account -> assertThat(account.debitForTransfer("T-1", eur("10.00"))).isFalse())
                .expectNoEvents();
        accounts.given(OPENED, new MoneyDeposited("A", eur("10.00"), Optional.of("T-1")))
                .when(account -> assertThat(account.creditForTransfer("T-1", eur("10.00"))).isFalse())
                .expectNoEvents();
        accounts.given(OPENED, HUNDRED_IN).when(account -> account.debitForTransfer("T-2", eur("10.00")))
                .expectEvents(new MoneyWithdrawn("A", eur("10.00"), Optional.of("T-2")));
    }
}
