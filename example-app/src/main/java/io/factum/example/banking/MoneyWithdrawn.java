package io.factum.example.banking;

import io.factum.annotation.Event;
import io.factum.example.shared.Money;
import java.util.Optional;

/**
 * Money was taken out of an account.
 *
 * @param transferId the transfer this withdrawal is the debit of, empty for a cash withdrawal
 */
@Event(name = "MoneyWithdrawn")
public record MoneyWithdrawn(String accountId, Money amount, Optional<String> transferId) implements AccountEvent {

    /** As the record's own form, but {@code transferId=T-1} instead of {@code Optional[T-1]}, and nothing for cash. */
    @Override
    public String toString() {
        return "MoneyWithdrawn[accountId=" + accountId + ", amount=" + amount
                + transferId.map(id -> ", transferId=" + id).orElse("") + "]";
    }
}
