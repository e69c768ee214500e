package io.factum.example.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventDecodingException;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.shared.Money;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Loading an aggregate whose stored amount Jackson cannot represent: only a located EventDecodingException. */
class AccountDecodingTest {

    private final EventTypeRegistry registry = EventTypeRegistry.of(new ExampleFactumModule());
    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void anAmountWithAnExponentBeyondAnIntFailsTheLoadAsADecodingErrorNamingTheEvent() {
        NewEvent deposited = registry.encode(new MoneyDeposited("A", Money.parse("100.00", "EUR"), Optional.empty()),
                Metadata.empty());
        String json = new String(deposited.payload(), StandardCharsets.UTF_8);
        assertThat(json).contains("100.00");
        for (String number : List.of("1E2147483648", "1e-2147483649")) {
            NewEvent corrupt = new NewEvent(UUID.randomUUID(), deposited.type(), deposited.schemaVersion(),
                    deposited.occurredAt(), deposited.metadata(),
                    json.replace("100.00", number).getBytes(StandardCharsets.UTF_8));
            NewEvent opened = registry.encode(new AccountOpened(number, "Alice", "EUR"), Metadata.empty());
            store.append(AccountAggregateType.INSTANCE.streamId(number), ExpectedRevision.noStream(), List.of(opened, corrupt));
            AggregateRepository<Account, AccountEvent> accounts =
                    new AggregateRepository<>(store, registry, AccountAggregateType.INSTANCE);

            EventDecodingException error = catchThrowableOfType(EventDecodingException.class,
                    () -> accounts.load(number));

            assertThat(error).as(number).isNotNull();
            assertThat(error.location()).isNotNull();
            assertThat(error.location().streamRevision()).isEqualTo(1);
            assertThat(error).hasMessageContaining("out of range for a BigDecimal");
        }
    }
}
