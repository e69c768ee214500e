package io.factum.example.banking;

import io.factum.aggregate.AggregateRepository;
import io.factum.annotation.Subscribe;
import io.factum.event.EventEnvelope;
import io.factum.example.app.Narrator;
import io.factum.example.shared.RuleViolation;
import io.factum.store.Metadata;

/**
 * The process manager that carries out a {@link MoneyTransfer}, one step per event:
 *
 * <ol>
 *   <li>{@link TransferRequested} → debit the source account ({@link MoneyWithdrawn} with the transfer id),
 *       or record {@link TransferFailed} if the source refuses;</li>
 *   <li>that {@link MoneyWithdrawn} → credit the target ({@link MoneyDeposited} with the transfer id); if the
 *       target refuses, give the money back to the source and record {@link TransferFailed} (refunded);</li>
 *   <li>the target's {@link MoneyDeposited} → record {@link TransferCompleted}.</li>
 * </ol>
 *
 * <p>It runs on a durable subscription with a checkpoint, so a crash between two steps only
 * delays the next one. Events may come twice; accounts remember which transfers they already
 * debited or credited, and a transfer that has ended ignores further steps.
 */
public final class TransferProcess {

    private final AggregateRepository<Account, AccountEvent> accounts;
    private final AggregateRepository<MoneyTransfer, TransferEvent> transfers;
    private final Narrator narrator;

    public TransferProcess(AggregateRepository<Account, AccountEvent> accounts,
                           AggregateRepository<MoneyTransfer, TransferEvent> transfers, Narrator narrator) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.narrator = narrator;
    }

    @Subscribe
    void on(TransferRequested requested, EventEnvelope<TransferRequested> envelope) {
        MoneyTransfer transfer = transfers.load(requested.transferId());
        if (transfer.status() != TransferStatus.REQUESTED) {
            return;
        }
        Account source = accounts.load(requested.fromAccountId());
        try {
            if (source.debitForTransfer(requested.transferId(), requested.amount())) {
                accounts.save(source, Metadata.causedBy(envelope));
                narrator.reaction("Banking", "transfer " + requested.transferId() + ": debited " + requested.amount()
                        + " from " + requested.fromAccountId());
            }
        } catch (RuleViolation refused) {
            fail(transfer, refused.getMessage(), false, envelope);
        }
    }

    @Subscribe
    void on(MoneyWithdrawn withdrawn, EventEnvelope<MoneyWithdrawn> envelope) {
        if (withdrawn.transferId().isEmpty()) {
            return;
        }
        MoneyTransfer transfer = transfers.load(withdrawn.transferId().get());
        if (transfer.status() != TransferStatus.REQUESTED || !withdrawn.accountId().equals(transfer.fromAccountId())) {
            return;
        }
        Account target = accounts.load(transfer.toAccountId());
        try {
            if (target.creditForTransfer(transfer.id(), transfer.amount())) {
                accounts.save(target, Metadata.causedBy(envelope));
                narrator.reaction("Banking", "transfer " + transfer.id() + ": credited " + transfer.amount()
                        + " to " + transfer.toAccountId());
            }
        } catch (RuleViolation refused) {
            // The target will not take the money: give it back to the source, then record the failure.
            // Both steps are idempotent, so a crash in between is repaired by the redelivery.
            Account source = accounts.load(transfer.fromAccountId());
            if (source.creditForTransfer(transfer.id(), transfer.amount())) {
                accounts.save(source, Metadata.causedBy(envelope));
            }
            fail(transfer, refused.getMessage(), true, envelope);
        }
    }

    @Subscribe
    void on(MoneyDeposited deposited, EventEnvelope<MoneyDeposited> envelope) {
        if (deposited.transferId().isEmpty()) {
            return;
        }
        MoneyTransfer transfer = transfers.load(deposited.transferId().get());
        if (deposited.accountId().equals(transfer.toAccountId()) && transfer.complete()) {
            transfers.save(transfer, Metadata.causedBy(envelope));
            narrator.reaction("Banking", "transfer " + transfer.id() + " completed");
        }
    }

    private void fail(MoneyTransfer transfer, String reason, boolean refunded, EventEnvelope<?> cause) {
        if (transfer.fail(reason, refunded)) {
            transfers.save(transfer, Metadata.causedBy(cause));
            narrator.reaction("Banking", "transfer " + transfer.id() + " failed: " + reason
                    + (refunded ? " (money returned to " + transfer.fromAccountId() + ")" : ""));
        }
    }
}
