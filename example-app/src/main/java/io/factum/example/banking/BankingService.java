package io.factum.example.banking;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.LoadedAggregate;
import io.factum.event.EventEnvelope;
import io.factum.example.shared.Aggregates;
import io.factum.example.shared.Ids;
import io.factum.example.shared.Money;
import io.factum.example.shared.NotFoundException;
import io.factum.example.shared.RuleViolation;
import io.factum.store.Metadata;
import java.util.List;

/** The Banking context's commands. A broken rule throws {@link RuleViolation} before anything is saved. */
public final class BankingService {

    private final AggregateRepository<Account, AccountEvent> accounts;
    private final AggregateRepository<MoneyTransfer, TransferEvent> transfers;

    public BankingService(AggregateRepository<Account, AccountEvent> accounts,
                          AggregateRepository<MoneyTransfer, TransferEvent> transfers) {
        this.accounts = accounts;
        this.transfers = transfers;
    }

    public List<EventEnvelope<AccountEvent>> open(String accountId, String owner, String currency) {
        Ids.require("account", accountId);
        if (accounts.find(accountId).isPresent()) {
            throw new RuleViolation("Account " + accountId + " already exists");
        }
        return accounts.save(Account.open(accountId, owner, currency), Metadata.empty());
    }

    public List<EventEnvelope<AccountEvent>> deposit(String accountId, Money amount) {
        return Aggregates.change(accounts, "account", accountId, Metadata.empty(), account -> account.deposit(amount));
    }

    public List<EventEnvelope<AccountEvent>> withdraw(String accountId, Money amount) {
        return Aggregates.change(accounts, "account", accountId, Metadata.empty(), account -> account.withdraw(amount));
    }

    public List<EventEnvelope<AccountEvent>> close(String accountId) {
        return Aggregates.change(accounts, "account", accountId, Metadata.empty(), Account::close);
    }

    /**
     * Requests a transfer; the {@link TransferProcess} moves the money afterwards. The request is
     * refused at once (nothing stored) when it could not succeed now: an unknown or closed account,
     * different currencies, or too little money. The process still checks again, since balances
     * may change before it runs.
     */
    public List<EventEnvelope<TransferEvent>> requestTransfer(String transferId, String fromAccountId, String toAccountId, Money amount) {
        Ids.require("transfer", transferId);
        if (transfers.find(transferId).isPresent()) {
            throw new RuleViolation("Transfer " + transferId + " already exists");
        }
        Account from = Aggregates.load(accounts, "account", fromAccountId);
        Account to = Aggregates.load(accounts, "account", toAccountId);
        MoneyTransfer transfer = MoneyTransfer.request(transferId, fromAccountId, toAccountId, amount);
        from.requireUsable(amount, "send money");
        from.requireFunds(amount);
        to.requireUsable(amount, "receive money");
        return transfers.save(transfer, Metadata.empty());
    }

    /** The account rebuilt from its events. */
    public Account account(String accountId) {
        return loadAccount(accountId).aggregate();
    }

    /** The account rebuilt from its snapshot (if one fits) and the events after it, and how it was rebuilt. */
    public LoadedAggregate<Account> loadAccount(String accountId) {
        Ids.require("account", accountId);
        return accounts.findLoaded(accountId).orElseThrow(() -> new NotFoundException("Account", accountId));
    }

    /** The transfer rebuilt from its events. */
    public MoneyTransfer transfer(String transferId) {
        return Aggregates.load(transfers, "transfer", transferId);
    }
}
