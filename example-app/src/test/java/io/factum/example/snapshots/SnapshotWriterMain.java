package io.factum.example.snapshots;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.shared.Money;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.file.Path;

/**
 * Child process of {@link SnapshotKillTest}: deposits into account A-1 forever, one save per deposit and a
 * snapshot after every save, printing each saved revision, until it is killed.
 */
public final class SnapshotWriterMain {

    private SnapshotWriterMain() {}

    public static void main(String[] args) {
        JdbcEventStore store = SqliteEventStore.open(Path.of(args[0]));
        AggregateRepository<Account, ?> accounts = new AggregateRepository<>(store,
                EventTypeRegistry.of(new ExampleFactumModule()), AccountAggregateType.INSTANCE)
                .withSnapshots(store.snapshots(), SnapshotPolicy.everyEvents(1));
        while (true) {
            Account account = accounts.load("A-1");
            account.deposit(Money.parse("1.00", "EUR"));
            accounts.save(account);
            System.out.println("saved " + account.storedRevision());
            System.out.flush();
        }
    }
}
