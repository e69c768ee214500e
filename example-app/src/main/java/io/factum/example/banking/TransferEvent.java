package io.factum.example.banking;

/** Everything that can happen to a {@link MoneyTransfer}. */
public sealed interface TransferEvent permits TransferRequested, TransferCompleted, TransferFailed {

    /** The transfer the event belongs to. */
    String transferId();
}
