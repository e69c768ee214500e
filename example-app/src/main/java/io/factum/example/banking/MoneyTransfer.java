package io.factum.example.banking;

import io.factum.aggregate.AggregateRoot;
import io.factum.annotation.Aggregate;
import io.factum.annotation.Apply;
import io.factum.example.shared.Ids;
import io.factum.example.shared.Money;
import io.factum.example.shared.RuleViolation;

/**
 * A money transfer between two accounts: the state of one run of the {@link TransferProcess}.
 * Accounts are separate aggregates (separate streams), so a transfer cannot change both in one
 * append; instead it is a process that reacts to each step's event and records how it ended.
 */
@Aggregate(name = "Transfer")
public class MoneyTransfer extends AggregateRoot<TransferEvent> {

    private String id;
    private String fromAccountId;
    private String toAccountId;
    private Money amount;
    private TransferStatus status;
    private String failureReason;

    /** An empty transfer, for replay; use {@link #request}. */
    public MoneyTransfer() {}

    /** Starts a transfer of {@code amount} from one account to another. */
    public static MoneyTransfer request(String transferId, String fromAccountId, String toAccountId, Money amount) {
        Ids.require("transfer", transferId);
        if (fromAccountId.equals(toAccountId)) {
            throw new RuleViolation("A transfer needs two different accounts, got " + fromAccountId + " twice");
        }
        if (!amount.isPositive()) {
            throw new RuleViolation("Amount must be positive, was " + amount);
        }
        MoneyTransfer transfer = new MoneyTransfer();
        transfer.record(new TransferRequested(transferId, fromAccountId, toAccountId, amount));
        return transfer;
    }

    /** Records success; does nothing if the transfer already ended. */
    public boolean complete() {
        if (status != TransferStatus.REQUESTED) {
            return false;
        }
        record(new TransferCompleted(id));
        return true;
    }

    /** Records failure; does nothing if the transfer already ended. */
    public boolean fail(String reason, boolean refunded) {
        if (status != TransferStatus.REQUESTED) {
            return false;
        }
        record(new TransferFailed(id, reason, refunded));
        return true;
    }

    @Apply
    void on(TransferRequested event) {
        id = event.transferId();
        fromAccountId = event.fromAccountId();
        toAccountId = event.toAccountId();
        amount = event.amount();
        status = TransferStatus.REQUESTED;
    }

    @Apply
    void on(TransferCompleted event) {
        status = TransferStatus.COMPLETED;
    }

    @Apply
    void on(TransferFailed event) {
        status = TransferStatus.FAILED;
        failureReason = event.reason();
    }

    @Override
    public String id() {
        return id;
    }

    public String fromAccountId() {
        return fromAccountId;
    }

    public String toAccountId() {
        return toAccountId;
    }

    public Money amount() {
        return amount;
    }

    public TransferStatus status() {
        return status;
    }

    /** Why the transfer failed, or null. */
    public String failureReason() {
        return failureReason;
    }
}
