package io.factum.store.postgres;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.sample.ItemAdded;
import io.factum.sample.Samples;
import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.Subscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The global order never skips, on the real server: sequence values are taken at insert and
 * transactions commit in any order, so these tests hold transactions open, roll them back and
 * run many writers against readers that follow the order.
 */
class PostgresGlobalOrderTest {

    private static final long TIMEOUT_SECONDS = 120;

    private final DataSource dataSource = PostgresTestDatabase.dataSource();
    private final EventTypeRegistry registry = Samples.registry();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private PostgresEventStore store;

    @BeforeEach
    void newStore() {
        store = PostgresEventStore.builder(dataSource).tablePrefix(PostgresTestDatabase.uniquePrefix()).build();
        store.createSchema();
    }

    @AfterEach
    void dropStore() {
        pool.shutdownNow();
        PostgresTestDatabase.dropTables(dataSource, store.tables());
    }

    private NewEvent event(String streamId, int quantity) {
        return registry.encode(new ItemAdded(streamId, "sku", quantity), Metadata.empty());
    }

    private List<NewEvent> events(String streamId, int count) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(streamId, i + 1));
        }
        return events;
    }

    private Subscription reader(List<EventEnvelope<Object>> delivered) {
        return Subscription.builder("reader", store, registry).handler(delivered::add, new InMemoryCheckpointStore()).build();
    }

    /** Waits until {@code count} sessions wait for this store's ordering lock (seen in pg_locks). */
    private void awaitWaitersOnOrderingLock(int count) throws Exception {
        long key = PostgresDialect.LockKeys.appends(store.tables());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement waiting = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                     + " AND NOT granted AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ?")) {
            waiting.setLong(1, key >>> 32);
            waiting.setLong(2, key & 0xFFFF_FFFFL);
            while (true) {
                try (ResultSet row = waiting.executeQuery()) {
                    row.next();
                    if (row.getInt(1) >= count) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("%d appends waiting for the ordering lock", count).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    @Test
    void aReaderDoesNotMovePastAnOpenTransactionsEventAndDeliversItAfterCommit() throws Exception {
        List<EventEnvelope<Object>> delivered = new ArrayList<>();
        Subscription reader = reader(delivered);
        Future<AppendResult> later;
        AppendResult first;
        try (Connection transactionA = dataSource.getConnection()) {
            transactionA.setAutoCommit(false);
            first = store.append(transactionA, "A-1", ExpectedRevision.noStream(), List.of(event("A-1", 1)));

            // B appends after A, to another stream, and wants to commit while A is still open.
            later = pool.submit(() -> store.append("B-1", ExpectedRevision.noStream(), List.of(event("B-1", 2))));
            awaitWaitersOnOrderingLock(1);

            reader.runUntilCaughtUp();
            assertThat(delivered).isEmpty();
            assertThat(reader.position()).isZero();
            assertThat(store.readAll(0, 10)).isEmpty();
            assertThat(later).isNotDone();

            transactionA.commit();
        }
        AppendResult second = later.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        reader.runUntilCaughtUp();
        assertThat(delivered).extracting(EventEnvelope::streamId).containsExactly("A-1", "B-1");
        assertThat(delivered).extracting(EventEnvelope::globalPosition).containsExactly(first.lastPosition(), second.lastPosition());
        assertThat(second.lastPosition()).isGreaterThan(first.lastPosition());
        assertThat(reader.position()).isEqualTo(second.lastPosition());
    }

    @Test
    void aRolledBackAppendIsNeverDeliveredAndTheReaderDoesNotStallOnItsHole() throws Exception {
        List<EventEnvelope<Object>> delivered = new ArrayList<>();
        Subscription reader = reader(delivered);
        Future<AppendResult> waiting;
        try (Connection doomed = dataSource.getConnection()) {
            doomed.setAutoCommit(false);
            store.append(doomed, "X-1", ExpectedRevision.noStream(), events("X-1", 3));
            waiting = pool.submit(() -> store.append("B-1", ExpectedRevision.noStream(), List.of(event("B-1", 1))));
            awaitWaitersOnOrderingLock(1);
            reader.runUntilCaughtUp();
            assertThat(delivered).isEmpty();
            doomed.rollback();
        }
        AppendResult afterHole = waiting.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        AppendResult next = store.append("C-1", ExpectedRevision.noStream(), List.of(event("C-1", 1)));

        reader.runUntilCaughtUp();
        assertThat(delivered).extracting(EventEnvelope::streamId).containsExactly("B-1", "C-1");
        // Positions 1-3 went to the rolled-back events: the hole is there, and the reader went past it.
        assertThat(afterHole.lastPosition()).isGreaterThan(3);
        assertThat(reader.position()).isEqualTo(next.lastPosition());
        assertThat(store.streamRevision("X-1")).isEqualTo(-1);
    }

    @Test
    void concurrentWritersWithRollbacksAndTwoReadersSeeEveryCommittedEventOnceInOneOrder() throws Exception {
        int writers = 8;
        int appendsPerWriter = 40;
        int eventsPerAppend = 3;
        int rollbackEvery = 7;
        int committedAppends = appendsPerWriter - appendsPerWriter / rollbackEvery;
        int expectedEvents = writers * committedAppends * eventsPerAppend;
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);

        Future<List<StoredEvent>> rawReader = pool.submit(() -> {
            start.await();
            return follow(expectedEvents, 10);
        });
        List<EventEnvelope<Object>> subscribed = Collections.synchronizedList(new ArrayList<>());
        Subscription subscription = Subscription.builder("follower", store, registry)
                .handler(subscribed::add, new InMemoryCheckpointStore())
                .batchSize(33).pollInterval(Duration.ofMillis(5)).build();
        subscription.start();
        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String streamId = "Writer-" + w;
            writing.add(pool.submit(() -> {
                start.await();
                long revision = -1;
                for (int n = 1; n <= appendsPerWriter; n++) {
                    List<NewEvent> batch = events(streamId, eventsPerAppend);
                    ExpectedRevision expected = revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revision);
                    if (n % rollbackEvery == 0) {
                        try (Connection connection = dataSource.getConnection()) {
                            connection.setAutoCommit(false);
                            store.append(connection, streamId, expected, batch);
                            connection.rollback();
                        }
                        batch.forEach(e -> rolledBack.add(e.eventId()));
                    } else {
                        revision = store.append(streamId, expected, batch).lastRevision();
                        batch.forEach(e -> committed.add(e.eventId()));
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writing) {
            writer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        List<StoredEvent> seenByRawReader = rawReader.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(subscription.awaitCaughtUp(Duration.ofSeconds(TIMEOUT_SECONDS))).isTrue();
        subscription.stop();

        assertThat(committed).hasSize(expectedEvents);
        assertThat(seenByRawReader).hasSize(expectedEvents);
        assertThat(subscribed).hasSize(expectedEvents);
        List<UUID> rawOrder = seenByRawReader.stream().map(StoredEvent::eventId).toList();
        List<UUID> subscribedOrder = subscribed.stream().map(EventEnvelope::eventId).toList();
        assertThat(subscribedOrder).containsExactlyElementsOf(rawOrder);
        assertThat(new HashSet<>(rawOrder)).isEqualTo(committed);
        assertThat(rawOrder).doesNotContainAnyElementsOf(rolledBack);
        for (int i = 1; i < seenByRawReader.size(); i++) {
            assertThat(seenByRawReader.get(i).globalPosition()).isGreaterThan(seenByRawReader.get(i - 1).globalPosition());
            assertThat(subscribed.get(i).globalPosition()).isEqualTo(seenByRawReader.get(i).globalPosition());
        }
    }

    /** Follows readAll until {@code expected} events were read (or the safety timeout passes). */
    private List<StoredEvent> follow(int expected, int batchSize) throws InterruptedException {
        List<StoredEvent> seen = new ArrayList<>();
        long after = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (seen.size() < expected && System.nanoTime() < deadline) {
            List<StoredEvent> page = store.readAll(after, batchSize);
            if (page.isEmpty()) {
                Thread.sleep(1);
                continue;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1).globalPosition();
        }
        return seen;
    }

    @Test
    void processesCreatingTheSchemaAtTheSameTimeDoNotCollide() throws Exception {
        String prefix = PostgresTestDatabase.uniquePrefix();
        List<PostgresEventStore> stores = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stores.add(PostgresEventStore.builder(dataSource).tablePrefix(prefix).build());
        }
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<AppendResult>> appends = new ArrayList<>();
            for (int i = 0; i < stores.size(); i++) {
                PostgresEventStore each = stores.get(i);
                String streamId = "Order-" + i;
                appends.add(pool.submit(() -> {
                    start.await();
                    return each.append(streamId, ExpectedRevision.noStream(), List.of(event(streamId, 1)));
                }));
            }
            start.countDown();
            for (Future<AppendResult> append : appends) {
                assertThat(append.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).lastRevision()).isZero();
            }
            assertThat(stores.get(0).readAll(0, 100)).hasSize(stores.size());
        } finally {
            PostgresTestDatabase.dropTables(dataSource, stores.get(0).tables());
        }
    }

    @Test
    void payloadsAreStoredByteForByteAsBytea() throws SQLException {
        byte[] payload = "{\"b\":1,  \"a\":2, \"a\":3}".getBytes(UTF_8);
        store.append("Order-1", ExpectedRevision.noStream(),
                List.of(new NewEvent(UUID.randomUUID(), "Raw", 1, java.time.Instant.now(), Metadata.empty(), payload)));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT pg_typeof(payload)::text, convert_from(payload, 'UTF8') FROM " + store.tables().events())) {
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("bytea");
                assertThat(row.getString(2)).isEqualTo(new String(payload, UTF_8));
            }
        }
        assertThat(store.readAll(0, 1).get(0).payload()).isEqualTo(payload);
    }
}
