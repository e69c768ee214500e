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
public record MoneyDeposited(String accountId, Money amount, Optional<String> transferId) implements AccountEvent {

    /** As the record's own form, but {@code transferId=T-1} instead of {@code Optional[T-1]}, and nothing for cash. */
    @Override
    public String toString() {
        return "MoneyDeposited[accountId=" + accountId + ", amount=" + amount
                + transferId.map(id -> ", transferId=" + id).orElse("") + "]";
    }
}
