package io.factum.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.LoadedAggregate;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.AccountEvent;
import io.factum.example.shared.Money;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with {@code kill -9} while it saves and snapshots (a snapshot after every save, so most kills
 * land in or near a snapshot write): the next load, with snapshots, equals a full replay, and the balance is what
 * the stored events say. Three kills at random points of one history.
 */
class SnapshotKillTest {

    @TempDir
    Path directory;

    @Test
    void theNextLoadAfterAKillIsCorrect() throws Exception {
        Path database = directory.resolve("events.db");
        EventTypeRegistry registry = EventTypeRegistry.of(new ExampleFactumModule());
        try (JdbcEventStore store = SqliteEventStore.open(database)) {
            new AggregateRepository<>(store, registry, AccountAggregateType.INSTANCE).save(Account.open("A-1", "Ann", "EUR"));
        }
        Random random = new Random(42);
        for (int kill = 0; kill < 3; kill++) {
            runAndKill(database, 20 + random.nextInt(200));

            try (JdbcEventStore store = SqliteEventStore.open(database)) {
                AggregateRepository<Account, AccountEvent> plain = new AggregateRepository<>(store, registry,
                        AccountAggregateType.INSTANCE);
                AggregateRepository<Account, AccountEvent> snapshotting =
                        plain.withSnapshots(store.snapshots(), SnapshotPolicy.never());
                LoadedAggregate<Account> loaded = snapshotting.findLoaded("A-1").orElseThrow();
                Account replayed = plain.load("A-1");

                assertThat(FullState.of(loaded.aggregate())).isEqualTo(FullState.of(replayed));
                long deposits = store.streamRevision("Account-A-1");
                assertThat(replayed.balance()).isEqualTo(Money.parse(deposits + ".00", "EUR"));
                assertThat(loaded.fromSnapshot()).isTrue();
                assertThat(snapshotting.snapshotStats().rejected()).isZero();
            }
        }
    }

    /** Starts the writer, lets it save {@code saves} times, then kills it with SIGKILL. */
    private static void runAndKill(Path database, int saves) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SnapshotWriterMain.class.getName(), database.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < saves; i++) {
                String line = out.readLine();
                assertThat(line).as("the writer's output").isNotNull().startsWith("saved ");
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }
}
