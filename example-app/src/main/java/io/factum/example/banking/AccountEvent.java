package io.factum.example.banking;

/** Everything that can happen to an {@link Account}. */
public sealed interface AccountEvent permits AccountOpened, MoneyDeposited, MoneyWithdrawn, AccountClosed {

    /** The account the event belongs to. */
    String accountId();
}
