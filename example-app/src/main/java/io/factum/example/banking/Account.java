package io.factum.example.banking;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import io.factum.example.shared.Ids;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A bank account, the lesson's closing exercise. The balance is never stored: it is the sum of the
 * account's deposits and withdrawals, rebuilt on every load. No overdraft.
 */
@Aggregate(name = "Account", snapshot = AccountSnapshot.class)
public class Account extends AggregateRoot<AccountEvent> {

    private String id;
    private String owner;
    private Money balance;
    private boolean closed;
    // Transfers already debited or credited here: the transfer process is delivered events at
    // least once, and must not move the same money twice.
    private final Set<String> debitedTransfers = new HashSet<>();
    private final Set<String> creditedTransfers = new HashSet<>();

    /** An empty account, for replay; use {@link #open}. */
    public Account() {}

    /** An account restored from a snapshot; the repository replays the events after it. */
    Account(AccountSnapshot snapshot) {
        id = snapshot.id();
        owner = snapshot.owner();
        balance = snapshot.balance();
        closed = snapshot.closed();
        debitedTransfers.addAll(snapshot.debitedTransfers());
        creditedTransfers.addAll(snapshot.creditedTransfers());
    }

    /** This account's state, for a snapshot. */
    AccountSnapshot snapshot() {
        return new AccountSnapshot(id, owner, balance, closed, Set.copyOf(debitedTransfers), Set.copyOf(creditedTransfers));
    }

    /** Opens an empty account in {@code currency}. */
    public static Account open(String accountId, String owner, String currency) {
        Money zero = Money.zero(currency);
        Account account = new Account();
        account.record(new AccountOpened(Ids.require("account", accountId), Ids.requireText("Owner", owner), zero.currency()));
        return account;
    }

    /** Pays cash in. */
    public void deposit(Money amount) {
        requireUsable(amount, "deposit");
        record(new MoneyDeposited(id, amount, Optional.empty()));
    }

    /** Takes cash out; never more than the balance. */
    public void withdraw(Money amount) {
        requireUsable(amount, "withdraw");
        requireFunds(amount);
        record(new MoneyWithdrawn(id, amount, Optional.empty()));
    }

    /**
     * Debits this account for {@code transferId}; does nothing if it was already debited for it.
     *
     * @return whether an event was recorded
     */
    public boolean debitForTransfer(String transferId, Money amount) {
        if (debitedTransfers.contains(transferId)) {
            return false;
        }
        requireUsable(amount, "send money");
        requireFunds(amount);
        record(new MoneyWithdrawn(id, amount, Optional.of(transferId)));
        return true;
    }

    /**
     * Credits this account for {@code transferId} (the transfer's credit, or the refund of its
     * debit); does nothing if it was already credited for it.
     *
     * @return whether an event was recorded
     */
    public boolean creditForTransfer(String transferId, Money amount) {
        if (creditedTransfers.contains(transferId)) {
            return false;
        }
        requireUsable(amount, "receive money");
        record(new MoneyDeposited(id, amount, Optional.of(transferId)));
        return true;
    }

    /** Closes an empty account. */
    public void close() {
        if (closed) {
            throw new RuleViolation("Account " + id + " is already closed");
        }
        if (!balance.isZero()) {
            throw new RuleViolation("Account " + id + " still holds " + balance + "; withdraw it before closing the account");
        }
        record(new AccountClosed(id));
    }

    /** Checks that money in {@code amount} can move through this account at all. */
    void requireUsable(Money amount, String action) {
        if (closed) {
            throw new RuleViolation("Account " + id + " is closed and cannot " + action);
        }
        if (!amount.currency().equals(balance.currency())) {
            throw new RuleViolation("Account " + id + " holds " + balance.currency() + ", not " + amount.currency());
        }
        if (!amount.isPositive()) {
            throw new RuleViolation("Amount must be positive, was " + amount);
        }
    }

    /** The no-overdraft rule. */
    void requireFunds(Money amount) {
        if (balance.compareTo(amount) < 0) {
            throw new RuleViolation("Insufficient funds: account " + id + " holds " + balance + ", cannot take out " + amount);
        }
    }

    @Apply
    void on(AccountOpened event) {
        id = event.accountId();
        owner = event.owner();
        balance = Money.zero(event.currency());
    }

    @Apply
    void on(MoneyDeposited event) {
        balance = balance.plus(event.amount());
        event.transferId().ifPresent(creditedTransfers::add);
    }

    @Apply
    void on(MoneyWithdrawn event) {
        balance = balance.minus(event.amount());
        event.transferId().ifPresent(debitedTransfers::add);
    }

    @Apply
    void on(AccountClosed event) {
        closed = true;
    }

    @Override
    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Money balance() {
        return balance;
    }

    public boolean isClosed() {
        return closed;
    }
}
