package io.factum.example.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.LoadedAggregate;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.aggregate.SnapshotRejection;
import io.factum.aggregate.StreamTruncatedException;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.banking.Account;
import io.factum.example.banking.AccountAggregateType;
import io.factum.example.banking.AccountEvent;
import io.factum.example.ordering.OrderAggregateType;
import io.factum.example.shared.Money;
import io.factum.store.SnapshotStore;
import io.factum.store.StoredSnapshot;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.sqlite.SqliteEventStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading with snapshots from SQLite: the snapshot and the events after it; every kind of snapshot that does not
 * fit falls back to a full replay, logged and counted, and is replaced; snapshot failures never fail a save.
 */
class SnapshotLoadingTest {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(new ExampleFactumModule());
    private static final AccountAggregateType TYPE = AccountAggregateType.INSTANCE;

    @TempDir
    Path directory;

    private JdbcEventStore store;
    private AggregateRepository<Account, AccountEvent> plain;

    @BeforeEach
    void open() {
        store = SqliteEventStore.builder(SqliteEventStore.dataSource(directory.resolve("events.db"))).allowTruncation(true).build();
        plain = new AggregateRepository<>(store, REGISTRY, TYPE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Money eur(String amount) {
        return Money.parse(amount, "EUR");
    }

    /** Account A-1 with {@code deposits} deposits of 1.00 EUR, saved one at a time through {@code repository}. */
    private void account(AggregateRepository<Account, AccountEvent> repository, int deposits) {
        repository.save(Account.open("A-1", "Ann", "EUR"));
        for (int i = 0; i < deposits; i++) {
            Account account = repository.load("A-1");
            account.deposit(eur("1.00"));
            repository.save(account);
        }
    }

    private AggregateRepository<Account, AccountEvent> snapshotting(SnapshotPolicy policy) {
        return plain.withSnapshots(store.snapshots(), policy);
    }

    @Test
    void loadsTheLatestSnapshotAndReplaysOnlyTheEventsAfterIt() {
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(10));
        account(accounts, 24); // revisions 0..24; snapshots at 9 and 19

        LoadedAggregate<Account> loaded = accounts.findLoaded("A-1").orElseThrow();

        assertThat(loaded.snapshotRevision()).isEqualTo(19);
        assertThat(loaded.eventsReplayed()).isEqualTo(5);
        assertThat(loaded.aggregate().balance()).isEqualTo(eur("24.00"));
        assertThat(loaded.aggregate().storedRevision()).isEqualTo(24);
        assertThat(FullState.of(loaded.aggregate())).isEqualTo(FullState.of(plain.load("A-1")));
        assertThat(accounts.snapshotStats().written()).isEqualTo(2);
    }

    @Test
    void aLoadThatReplayedManyEventsTakesASnapshot() {
        account(plain, 30);
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.whenLoadReplays(20));

        assertThat(accounts.findLoaded("A-1").orElseThrow().eventsReplayed()).isEqualTo(31);
        LoadedAggregate<Account> next = accounts.findLoaded("A-1").orElseThrow();
        assertThat(next.snapshotRevision()).isEqualTo(30);
        assertThat(next.eventsReplayed()).isZero();
    }

    /** Stores {@code snapshot} for A-1 over the good one, loads, and checks the fallback. */
    private void assertIgnored(StoredSnapshot snapshot, SnapshotRejection reason) {
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(100));
        account(accounts, 6);
        store.snapshots().delete("A-1"); // nothing was taken (every 100), but be sure
        store.snapshots().save(snapshot);

        LoadedAggregate<Account> loaded = accounts.findLoaded("A-1").orElseThrow();

        assertThat(loaded.fromSnapshot()).isFalse();
        assertThat(loaded.eventsReplayed()).isEqualTo(7);
        assertThat(FullState.of(loaded.aggregate())).isEqualTo(FullState.of(plain.load("A-1")));
        assertThat(accounts.snapshotStats().rejected(reason)).isEqualTo(1);
        assertThat(accounts.snapshotStats().rejected()).isEqualTo(1);
        // the full replay left a snapshot that fits, which the next load uses
        assertThat(store.snapshots().latest("Account-A-1").orElseThrow().streamRevision()).isEqualTo(6);
        assertThat(accounts.findLoaded("A-1").orElseThrow().snapshotRevision()).isEqualTo(6);
    }

    private static StoredSnapshot stored(String type, long revision, String fingerprint, byte[] payload) {
        return new StoredSnapshot("Account-A-1", type, revision, fingerprint, payload, Instant.now());
    }

    @Test
    void aSnapshotWithAnotherFingerprintIsIgnored() {
        plain.save(Account.open("A-0", "x", "EUR")); // a stream to take the payload from before A-1 exists
        byte[] payload = TYPE.encodeSnapshot(TYPE.snapshotOf(plain.load("A-0")));
        assertIgnored(stored("Account", 3, "0".repeat(32), payload), SnapshotRejection.WRONG_FINGERPRINT);
    }

    @Test
    void aCorruptSnapshotIsIgnored() {
        assertIgnored(stored("Account", 3, TYPE.snapshotFingerprint(), "{\"id\":\"A-1\",\"owner\":".getBytes(StandardCharsets.UTF_8)),
                SnapshotRejection.UNDECODABLE);
    }

    @Test
    void aSnapshotThatIsNotJsonOrDoesNotFitTheRecordIsIgnored() {
        assertIgnored(stored("Account", 3, TYPE.snapshotFingerprint(), new byte[] {(byte) 0xff, 0, 1}), SnapshotRejection.UNDECODABLE);
    }

    @Test
    void aSnapshotFromTheFutureIsIgnored() {
        AggregateRepository<Account, AccountEvent> other = snapshotting(SnapshotPolicy.everyEvents(1));
        other.save(Account.open("A-1", "Ann", "EUR"));
        for (int i = 0; i < 3; i++) { // a truthful snapshot at revision 3 ...
            Account account = other.load("A-1");
            account.deposit(eur("1.00"));
            other.save(account);
        }
        byte[] payload = store.snapshots().latest("Account-A-1").orElseThrow().payload();
        store.snapshots().delete("Account-A-1");
        // ... but stored as if it were at revision 50, beyond the stream's last event
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(100));
        store.snapshots().save(stored("Account", 50, TYPE.snapshotFingerprint(), payload));

        LoadedAggregate<Account> loaded = accounts.findLoaded("A-1").orElseThrow();

        assertThat(loaded.fromSnapshot()).isFalse();
        assertThat(loaded.aggregate().balance()).isEqualTo(eur("3.00"));
        assertThat(accounts.snapshotStats().rejected(SnapshotRejection.FUTURE_REVISION)).isEqualTo(1);
    }

    @Test
    void aSnapshotOfAnotherAggregateTypeIsIgnored() {
        assertIgnored(stored("Order", 3, OrderAggregateType.INSTANCE.snapshotFingerprint(), "{}".getBytes(StandardCharsets.UTF_8)),
                SnapshotRejection.WRONG_TYPE);
    }

    @Test
    void aSnapshotOfAnotherAccountIsIgnored() {
        plain.save(Account.open("A-2", "Bob", "EUR"));
        byte[] payload = TYPE.encodeSnapshot(TYPE.snapshotOf(plain.load("A-2")));
        assertIgnored(stored("Account", 3, TYPE.snapshotFingerprint(), payload), SnapshotRejection.WRONG_ID);
    }

    @Test
    void aFailedSnapshotWriteNeverFailsTheSave() {
        SnapshotStore failing = new SnapshotStore() {
            @Override
            public Optional<StoredSnapshot> latest(String streamId) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void save(StoredSnapshot snapshot) {
                throw new IllegalStateException("disk on fire");
            }

            @Override
            public void delete(String streamId) {}
        };
        AggregateRepository<Account, AccountEvent> accounts = plain.withSnapshots(failing, SnapshotPolicy.everyEvents(1));

        account(accounts, 3);

        assertThat(plain.load("A-1").balance()).isEqualTo(eur("3.00"));
        assertThat(accounts.load("A-1").balance()).isEqualTo(eur("3.00"));
        assertThat(accounts.snapshotStats().failed()).isEqualTo(4);
        assertThat(accounts.snapshotStats().rejected(SnapshotRejection.UNREADABLE)).isEqualTo(4);
        assertThat(accounts.snapshotStats().written()).isZero();
    }

    @Test
    void snapshotWritesCanRunOnAnExecutor() {
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(2).writtenOn(later));

        account(accounts, 3); // revisions 0..3: snapshots at 1 and 3, queued
        assertThat(store.snapshots().latest("Account-A-1")).isEmpty();
        queued.forEach(Runnable::run);

        assertThat(store.snapshots().latest("Account-A-1").orElseThrow().streamRevision()).isEqualTo(3);
        assertThat(accounts.snapshotStats().written()).isEqualTo(2);
    }

    @Test
    void afterTruncationLoadsStartFromTheSnapshot() {
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(10));
        account(accounts, 14); // snapshot at 9
        Account before = accounts.load("A-1");

        assertThat(store.truncateBefore("Account-A-1", 10)).isEqualTo(10);

        LoadedAggregate<Account> loaded = accounts.findLoaded("A-1").orElseThrow();
        assertThat(loaded.snapshotRevision()).isEqualTo(9);
        assertThat(FullState.of(loaded.aggregate())).isEqualTo(FullState.of(before));
    }

    @Test
    void afterTruncationASnapshotThatDoesNotFitIsATypedError() {
        AggregateRepository<Account, AccountEvent> accounts = snapshotting(SnapshotPolicy.everyEvents(10));
        account(accounts, 14);
        store.truncateBefore("Account-A-1", 10);
        StoredSnapshot good = store.snapshots().latest("Account-A-1").orElseThrow();
        store.snapshots().delete("Account-A-1");
        store.snapshots().save(new StoredSnapshot(good.streamId(), good.aggregateType(), good.streamRevision(),
                "f".repeat(32), good.payload(), good.takenAt()));

        assertThatThrownBy(() -> accounts.load("A-1"))
                .isInstanceOf(StreamTruncatedException.class)
                .hasMessageContaining("Stream 'Account-A-1' starts at revision 10")
                .hasMessageContaining("its snapshot cannot be restored by this code (WRONG_FINGERPRINT)");
        assertThatThrownBy(() -> plain.load("A-1"))
                .isInstanceOf(StreamTruncatedException.class).hasMessageContaining("it has no snapshot");
    }
}
