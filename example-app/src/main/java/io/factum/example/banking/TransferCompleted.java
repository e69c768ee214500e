package io.factum.example.banking;

import io.factum.annotation.Event;

/** The money left the source account and arrived in the target account. */
@Event(name = "TransferCompleted")
public record TransferCompleted(String transferId) implements TransferEvent {}
