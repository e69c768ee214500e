package io.factum.example.banking;

import io.factum.annotation.Event;

/**
 * The transfer could not be completed. If the source had already been debited, the money went back
 * to it ({@code refunded}).
 */
@Event(name = "TransferFailed")
public record TransferFailed(String transferId, String reason, boolean refunded) implements TransferEvent {}
