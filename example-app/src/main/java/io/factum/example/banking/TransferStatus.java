package io.factum.example.banking;

/** Where a transfer is in its life. */
public enum TransferStatus {
    REQUESTED, COMPLETED, FAILED
}
