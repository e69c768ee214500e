package io.factum.example.banking;

import io.factum.annotation.Event;
import io.factum.example.shared.Money;

/** Someone asked to move money between two accounts; the {@link TransferProcess} takes it from here. */
@Event(name = "TransferRequested")
public record TransferRequested(String transferId, String fromAccountId, String toAccountId, Money amount)
        implements TransferEvent {}
