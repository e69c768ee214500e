package io.factum.example.banking;

import io.factum.annotation.Event;
import io.factum.example.shared.Money;
import java.util.Optional;

/**
 * Money was paid into an account.
 *
 * @param transferId the transfer this deposit belongs to (its credit, or the refund of a failed
 *                   transfer), empty for a cash deposit
 */
@Event(name = "MoneyDeposited")
public record MoneyDeposited(String accountId, Money amount, Optional<String> transferId) implements AccountEvent {}
