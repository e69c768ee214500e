package io.factum.store.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.factum.bus.RetryPolicy;
import io.factum.event.EventDecodingException;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.sample.ItemAdded;
import io.factum.sample.OrderPlaced;
import io.factum.sample.Samples;
import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.InvalidStreamIdException;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.PayloadTooLargeException;
import io.factum.store.StoredEvent;
import io.factum.store.StreamIds;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.subscription.FailureAction;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.ParkedEvent;
import io.factum.subscription.Subscription;
import io.factum.subscription.SubscriptionFailedException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What both JDBC stores must do beyond the contract: appends inside a caller's transaction,
 * table prefixes, explicit schema creation, typed errors for bad stored rows, no connection
 * leaks, and whole-or-absent appends when the writing process is killed.
 */
public abstract class JdbcEventStoreBehaviour {

    protected final EventTypeRegistry registry = Samples.registry();
    protected String prefix;
    private final List<JdbcEventStore> stores = new ArrayList<>();
    /** Read-model tables a test created next to the store's. */
    protected final List<String> readModels = new ArrayList<>();

    /** The database every store of a test shares: a fresh file, or the test server. */
    protected abstract DataSource dataSource();

    protected abstract JdbcEventStore newStore(DataSource dataSource, String prefix, boolean createSchemaOnFirstUse);

    /** Arguments of {@link AppendLoopMain} writing to this test's database with {@code prefix}. */
    protected abstract List<String> appendLoopArguments(String prefix);

    /** Removes what a test created: the tables of every prefix it used, and {@code readModels}. */
    protected abstract void dropTables(TableNames tables, List<String> readModels);

    protected static String newPrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    }

    @BeforeEach
    void choosePrefix() {
        prefix = newPrefix();
    }

    @AfterEach
    void dropEverything() {
        for (JdbcEventStore store : stores) {
            dropTables(store.tables(), readModels);
        }
    }

    protected JdbcEventStore store(DataSource dataSource, String prefix, boolean createSchemaOnFirstUse) {
        JdbcEventStore store = newStore(dataSource, prefix, createSchemaOnFirstUse);
        stores.add(store);
        return store;
    }

    protected JdbcEventStore store() {
        return store(dataSource(), prefix, true);
    }

    protected NewEvent placed(String orderId) {
        return registry.encode(new OrderPlaced(orderId, "alice"), Metadata.empty());
    }

    protected NewEvent added(String orderId, int quantity) {
        return registry.encode(new ItemAdded(orderId, "sku", quantity), Metadata.empty());
    }

    // ---------------------------------------------------------------- caller's transaction

    @Test
    void appendInTheCallersTransactionIsVisibleOnlyAfterCommit() throws SQLException {
        JdbcEventStore store = store();
        store.createSchema(); // SQLite: the caller's transaction holds the write lock creating it would need
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            AppendResult result = store.append(connection, "Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
            assertThat(result.lastRevision()).isEqualTo(0);
            assertThat(store.readAll(0, 10)).isEmpty();
            connection.commit();
        }
        assertThat(store.readAll(0, 10)).singleElement().satisfies(e -> assertThat(e.streamId()).isEqualTo("Order-1"));
    }

    @Test
    void rolledBackCallerTransactionStoresNothing() throws SQLException {
        JdbcEventStore store = store();
        store.createSchema(); // SQLite: the caller's transaction holds the write lock creating it would need
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            store.append(connection, "Order-1", ExpectedRevision.noStream(), List.of(placed("1"), added("1", 2)));
            connection.rollback();
        }
        assertThat(store.readAll(0, 10)).isEmpty();
        assertThat(store.streamRevision("Order-1")).isEqualTo(-1);
        store.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
        assertThat(store.readAll(0, 10)).hasSize(1);
    }

    @Test
    void appendInTheCallersTransactionNeedsAutoCommitOff() throws SQLException {
        JdbcEventStore store = store();
        try (Connection connection = store.dataSource().getConnection()) {
            assertThatThrownBy(() -> store.append(connection, "Order-1", ExpectedRevision.any(), List.of(placed("1"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("auto-commit");
        }
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    // ---------------------------------------------------------------- schema and prefixes

    @Test
    void storesWithDifferentPrefixesShareADatabaseWithoutSeeingEachOther() {
        JdbcEventStore billing = store(dataSource(), newPrefix(), true);
        JdbcEventStore shipping = store(dataSource(), newPrefix(), true);

        billing.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
        shipping.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1"), added("1", 1)));

        assertThat(billing.readAll(0, 10)).hasSize(1);
        assertThat(shipping.readAll(0, 10)).hasSize(2);
        assertThat(billing.streamRevision("Order-1")).isEqualTo(0);
        assertThat(shipping.streamRevision("Order-1")).isEqualTo(1);
    }

    @Test
    void withoutSchemaOnFirstUseTheSchemaIsCreatedByAnExplicitCall() {
        JdbcEventStore store = store(dataSource(), prefix, false);

        assertThatThrownBy(() -> store.append("Order-1", ExpectedRevision.any(), List.of(placed("1"))))
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("Order-1")
                .hasMessageContaining("nothing was written");

        store.createSchema();
        store.createSchema();
        store.append("Order-1", ExpectedRevision.any(), List.of(placed("1")));
        assertThat(store.readAll(0, 10)).hasSize(1);
    }

    @Test
    @Timeout(120)
    void concurrentFirstUseChecksForAndCreatesTheSchemaOnceAndThenTakesNoConnection() throws Exception {
        CountingDataSource counting = new CountingDataSource(dataSource());
        JdbcEventStore store = store(counting, prefix, true);
        int threads = 8;
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    together.await();
                    store.ensureSchema();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(counting.opened()).as("one connection to look for the tables, one to create them").isEqualTo(2);
        assertThat(counting.open()).isZero();
        store.ensureSchema();
        assertThat(counting.opened()).as("ready: no further look").isEqualTo(2);
        store.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
        assertThat(store.readAll(0, 10)).hasSize(1);
    }

    @Test
    void invalidTablePrefixesAreRejected() {
        for (String bad : new String[] {"", "1abc", "Upper", "a-b", "a b", "x;drop table y", "a".repeat(41)}) {
            assertThatThrownBy(() -> TableNames.withPrefix(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(TableNames.withPrefix("billing_").events()).isEqualTo("billing_events");
    }

    // ---------------------------------------------------------------- bad stored rows

    /** Corrupts the stored row at {@code position} with plain SQL. */
    private void corrupt(JdbcEventStore store, long position, String type, int version, byte[] payload) throws SQLException {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + store.tables().events()
                     + " SET type = ?, schema_version = ?, payload = ? WHERE position = ?")) {
            update.setString(1, type);
            update.setInt(2, version);
            update.setBytes(3, payload);
            update.setLong(4, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** Five events at positions p0..p4 of which p1..p4 are made unreadable in four different ways. */
    private List<StoredEvent> storeWithBadRows(JdbcEventStore store) throws SQLException {
        store.append("Order-1", ExpectedRevision.noStream(),
                List.of(placed("1"), added("1", 1), added("1", 2), added("1", 3), added("1", 4)));
        List<StoredEvent> stored = store.readAll(0, 10);
        corrupt(store, stored.get(1).globalPosition(), "NoSuchEvent", 1, "{}".getBytes(UTF_8));
        corrupt(store, stored.get(2).globalPosition(), "ItemAdded", 1, "{\"orderId\":\"1\",\"sku\":\"s".getBytes(UTF_8));
        corrupt(store, stored.get(3).globalPosition(), "ItemAdded", 1, new byte[] {(byte) 0xFF, 0x00, 0x13, '{'});
        corrupt(store, stored.get(4).globalPosition(), "ItemAdded", 99, stored.get(4).payload());
        return store.readAll(0, 10);
    }

    @Test
    void storedRowsThatCannotBeDecodedFailWithTypedErrorsNamingWhereTheyAre() throws SQLException {
        JdbcEventStore store = store();
        List<StoredEvent> stored = storeWithBadRows(store);

        assertThat(registry.decode(stored.get(0))).isEqualTo(new OrderPlaced("1", "alice"));

        UnknownEventTypeException unknown = catchThrowableOfType(UnknownEventTypeException.class, () -> registry.decode(stored.get(1)));
        assertThat(unknown.type()).isEqualTo("NoSuchEvent");
        assertThat(unknown.streamId()).isEqualTo("Order-1");
        assertThat(unknown.streamRevision()).isEqualTo(1);
        assertThat(unknown.globalPosition()).isEqualTo(stored.get(1).globalPosition());

        for (int i : new int[] {2, 3}) {
            EventDecodingException corrupt = catchThrowableOfType(EventDecodingException.class, () -> registry.decode(stored.get(i)));
            assertThat(corrupt.eventType()).isEqualTo("ItemAdded");
            assertThat(corrupt.location()).isEqualTo(
                    new EventDecodingException.Location("Order-1", i, stored.get(i).globalPosition(), 1));
            assertThat(corrupt).hasMessageContaining("Order-1").hasMessageContaining("revision " + i)
                    .hasMessageContaining("global position " + stored.get(i).globalPosition());
        }

        UnknownEventTypeException version = catchThrowableOfType(UnknownEventTypeException.class, () -> registry.decode(stored.get(4)));
        assertThat(version.type()).isEqualTo("ItemAdded");
        assertThat(version.version()).isEqualTo(99);
        assertThat(version.globalPosition()).isEqualTo(stored.get(4).globalPosition());
        assertThat(version).hasMessageContaining("known versions [1]");
    }

    @Test
    void aSubscriptionStopsAtAnUndecodableRowByDefaultAndParksItWhenConfigured() throws SQLException {
        JdbcEventStore store = store();
        List<StoredEvent> stored = storeWithBadRows(store);
        List<EventEnvelope<Object>> delivered = new ArrayList<>();

        Subscription stopping = Subscription.builder("strict", store, registry)
                .handler(delivered::add, new JdbcCheckpointStore(store)).build();
        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, stopping::runUntilCaughtUp);
        assertThat(error.subscription()).isEqualTo("strict");
        assertThat(error.globalPosition()).isEqualTo(stored.get(1).globalPosition());
        assertThat(error.eventType()).isEqualTo("NoSuchEvent");
        assertThat(error.getCause()).isInstanceOf(UnknownEventTypeException.class);
        assertThat(delivered).hasSize(1);
        assertThat(stopping.position()).isEqualTo(stored.get(0).globalPosition());
        // Trying again stops at the same place: it never moves past the event silently.
        assertThatThrownBy(stopping::runUntilCaughtUp).isInstanceOf(SubscriptionFailedException.class);
        assertThat(delivered).hasSize(1);

        delivered.clear();
        Subscription parking = Subscription.builder("lenient", store, registry)
                .handler(delivered::add, new JdbcCheckpointStore(store))
                .parkedEvents(new io.factum.subscription.JdbcParkedEvents(store))
                .onUndecodable(FailureAction.PARK).build();
        parking.runUntilCaughtUp();
        assertThat(delivered).hasSize(1);
        assertThat(parking.position()).isEqualTo(stored.get(4).globalPosition());
        assertThat(parking.parkedEvents()).extracting(ParkedEvent::globalPosition)
                .containsExactly(stored.get(1).globalPosition(), stored.get(2).globalPosition(),
                        stored.get(3).globalPosition(), stored.get(4).globalPosition());
        assertThat(parking.parkedEvents().get(0).error()).contains("NoSuchEvent");
    }

    /**
     * {@code SET} clauses that make a row's envelope unreadable on this database (the schema's
     * column types allow them): corrupt metadata headers everywhere, ids that are no UUID on SQLite.
     */
    protected abstract List<String> corruptEnvelopes();

    /** Events p0..p2n with the envelope of every odd one corrupted, one way each. */
    private List<StoredEvent> storeWithUnreadableRows(JdbcEventStore store) throws SQLException {
        List<String> corruptions = corruptEnvelopes();
        List<NewEvent> events = new ArrayList<>(List.of(placed("1")));
        for (int i = 1; i <= 2 * corruptions.size(); i++) {
            events.add(added("1", i));
        }
        store.append("Order-1", ExpectedRevision.noStream(), events);
        List<StoredEvent> stored = store.readAll(0, 100);
        for (int k = 0; k < corruptions.size(); k++) {
            try (Connection connection = store.dataSource().getConnection();
                 PreparedStatement update = connection.prepareStatement("UPDATE " + store.tables().events()
                         + " SET " + corruptions.get(k) + " WHERE position = ?")) {
                update.setLong(1, stored.get(2 * k + 1).globalPosition());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        return stored;
    }

    /** The positions of the events at even ({@code parity} 0: readable) or odd (1: corrupted) indexes. */
    private static List<Long> positions(List<StoredEvent> stored, int parity) {
        List<Long> positions = new ArrayList<>();
        for (int i = parity; i < stored.size(); i += 2) {
            positions.add(stored.get(i).globalPosition());
        }
        return positions;
    }

    @Test
    void aRowWithAnUnreadableEnvelopeIsATypedErrorNamingItsPositionAndKeepsTheEventsBeforeIt() throws SQLException {
        JdbcEventStore store = store();
        List<StoredEvent> stored = storeWithUnreadableRows(store);

        long after = 0;
        for (int k = 0; k < corruptEnvelopes().size(); k++) {
            StoredEvent bad = stored.get(2 * k + 1);
            long from = after;
            UnreadableStoredEventException error = catchThrowableOfType(UnreadableStoredEventException.class,
                    () -> store.readAll(from, 100));
            assertThat(error).as(corruptEnvelopes().get(k)).isNotNull();
            assertThat(error.globalPosition()).isEqualTo(bad.globalPosition());
            assertThat(error.streamId()).isEqualTo("Order-1");
            assertThat(error.streamRevision()).isEqualTo(2 * k + 1);
            assertThat(error.type()).isEqualTo("ItemAdded");
            assertThat(error).hasMessageContaining("global position " + bad.globalPosition())
                    .isInstanceOf(JdbcStoreException.class);
            assertThat(error.eventsBefore()).extracting(StoredEvent::eventId)
                    .containsExactly(stored.get(2 * k).eventId());
            after = bad.globalPosition();
        }
        assertThat(store.readAll(after, 100)).extracting(StoredEvent::eventId)
                .containsExactly(stored.get(stored.size() - 1).eventId());
        assertThatThrownBy(() -> store.readStream("Order-1", 0, 100))
                .isInstanceOf(UnreadableStoredEventException.class)
                .hasMessageContaining("global position " + stored.get(1).globalPosition());
    }

    @Test
    void aSubscriptionDeliversTheEventsBeforeAnUnreadableRowThenStopsAtItOrParksIt() throws SQLException {
        JdbcEventStore store = store();
        List<StoredEvent> stored = storeWithUnreadableRows(store);
        List<Long> delivered = new ArrayList<>();

        Subscription stopping = Subscription.builder("strict", store, registry)
                .handler(event -> delivered.add(event.globalPosition()), new JdbcCheckpointStore(store)).build();
        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, stopping::runUntilCaughtUp);
        assertThat(error.globalPosition()).isEqualTo(stored.get(1).globalPosition());
        assertThat(error.getCause()).isInstanceOf(UnreadableStoredEventException.class);
        assertThat(delivered).containsExactly(stored.get(0).globalPosition());
        assertThat(stopping.position()).isEqualTo(stored.get(0).globalPosition());
        assertThatThrownBy(stopping::runUntilCaughtUp).isInstanceOf(SubscriptionFailedException.class);
        assertThat(delivered).hasSize(1);

        delivered.clear();
        Subscription parking = Subscription.builder("lenient", store, registry)
                .handler(event -> delivered.add(event.globalPosition()), new JdbcCheckpointStore(store))
                .parkedEvents(new io.factum.subscription.JdbcParkedEvents(store))
                .onUndecodable(FailureAction.PARK).batchSize(2).build();
        parking.runUntilCaughtUp();
        List<Long> good = positions(stored, 0);
        List<Long> bad = positions(stored, 1);
        assertThat(delivered).containsExactlyElementsOf(good);
        assertThat(parking.position()).isEqualTo(stored.get(stored.size() - 1).globalPosition());
        assertThat(parking.parkedEvents()).extracting(ParkedEvent::globalPosition).containsExactlyElementsOf(bad);
        assertThat(parking.parkedEvents().get(0).streamId()).isEqualTo("Order-1");
        assertThat(parking.parkedEvents().get(0).error()).contains("global position " + bad.get(0));
        // Still unreadable: a retry keeps them parked, and says so without throwing.
        assertThat(parking.retryParked()).isZero();
        assertThat(parking.parkedEvents()).hasSize(bad.size());
    }

    @Test
    void aProjectionParksAnUnreadableRowInsideItsBatchOrStopsBeforeTheBatch() throws SQLException {
        JdbcEventStore store = store();
        List<StoredEvent> stored = storeWithUnreadableRows(store);
        List<Long> applied = new ArrayList<>();

        Subscription strict = Subscription.builder("strict-projection", store, registry)
                .projection((event, connection) -> applied.add(event.globalPosition())).build();
        SubscriptionFailedException error = catchThrowableOfType(SubscriptionFailedException.class, strict::runUntilCaughtUp);
        assertThat(error.globalPosition()).isEqualTo(stored.get(1).globalPosition());
        assertThat(error.getCause()).isInstanceOf(UnreadableStoredEventException.class);
        assertThat(strict.position()).isZero(); // the batch (the event before it, and it) rolled back

        applied.clear();
        Subscription lenient = Subscription.builder("lenient-projection", store, registry)
                .projection((event, connection) -> applied.add(event.globalPosition()))
                .onUndecodable(FailureAction.PARK).build();
        lenient.runUntilCaughtUp();
        List<Long> good = positions(stored, 0);
        List<Long> bad = positions(stored, 1);
        assertThat(applied).containsSubsequence(good).containsAll(good).doesNotContainAnyElementsOf(bad);
        assertThat(lenient.position()).isEqualTo(stored.get(stored.size() - 1).globalPosition());
        assertThat(lenient.parkedEvents()).extracting(ParkedEvent::globalPosition).containsExactlyElementsOf(bad);
    }

    /**
     * Whether the position an append took in a transaction that rolled back goes to the next append
     * (SQLite: the AUTOINCREMENT counter rolls back with it) or stays a hole (PostgreSQL: sequences
     * do not roll back). docs/storage.md, "What a global position promises".
     */
    protected abstract boolean reusesPositionsOfRolledBackAppends();

    @Test
    void thePositionOfARolledBackAppendIsReusedOrLeftAHoleAsDocumented() throws SQLException {
        JdbcEventStore store = store();
        long first = store.append("Order-0", ExpectedRevision.noStream(), List.of(placed("0"))).lastPosition();
        AppendResult rolledBack;
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            rolledBack = store.append(connection, "Order-1", ExpectedRevision.noStream(), List.of(placed("1")));
            connection.rollback();
        }
        assertThat(rolledBack.lastPosition()).isGreaterThan(first);

        AppendResult next = store.append("Order-2", ExpectedRevision.noStream(), List.of(placed("2")));

        if (reusesPositionsOfRolledBackAppends()) {
            assertThat(next.lastPosition()).isEqualTo(rolledBack.lastPosition());
        } else {
            assertThat(next.lastPosition()).isGreaterThan(rolledBack.lastPosition());
        }
        // What holds on every store: committed positions increase, and the rolled-back event is nowhere.
        assertThat(store.readAll(0, 10)).extracting(StoredEvent::streamId).containsExactly("Order-0", "Order-2");
        assertThat(store.readAll(0, 10)).extracting(StoredEvent::globalPosition).containsExactly(first, next.lastPosition());
        assertThat(store.streamRevision("Order-1")).isEqualTo(-1);
    }

    // ---------------------------------------------------------------- checkpoints

    @Test
    void aSubscriptionResumesFromItsCheckpointInTheDatabaseAfterARestart() {
        JdbcEventStore first = store();
        first.append("Order-1", ExpectedRevision.noStream(), List.of(placed("1"), added("1", 1)));
        List<Long> delivered = new ArrayList<>();
        Subscription.builder("resume", first, registry)
                .handler(event -> delivered.add(event.globalPosition()), new JdbcCheckpointStore(first)).build()
                .runUntilCaughtUp();
        first.append("Order-1", ExpectedRevision.exactly(1), List.of(added("1", 2)));

        // A new process: a new store on the same database and prefix, a new subscription of the same name.
        JdbcEventStore restarted = store(dataSource(), prefix, true);
        Subscription resumed = Subscription.builder("resume", restarted, registry)
                .handler(event -> delivered.add(event.globalPosition()), new JdbcCheckpointStore(restarted)).build();
        assertThat(resumed.runUntilCaughtUp()).isEqualTo(1);

        List<Long> stored = restarted.readAll(0, 10).stream().map(StoredEvent::globalPosition).toList();
        assertThat(delivered).containsExactlyElementsOf(stored);
        assertThat(new JdbcCheckpointStore(restarted).load("resume")).isEqualTo(stored.get(2));
        assertThat(new JdbcCheckpointStore(restarted).load("never-ran")).isZero();
    }

    // ---------------------------------------------------------------- connections

    @Test
    void everyConnectionIsClosedAfterManyOperationsIncludingFailingOnes() throws Exception {
        CountingDataSource counting = new CountingDataSource(dataSource());
        JdbcEventStore store = store(counting, prefix, true);
        store.append("Order-0", ExpectedRevision.noStream(), List.of(placed("0")));
        int before = counting.opened();

        // Rejected before anything is written: not even a connection is taken.
        assertThatThrownBy(() -> store.append("", ExpectedRevision.any(), List.of(placed("x")))).isInstanceOf(InvalidStreamIdException.class);
        assertThatThrownBy(() -> store.append("Order\n1", ExpectedRevision.any(), List.of(placed("x")))).isInstanceOf(InvalidStreamIdException.class);
        NewEvent huge = new NewEvent(UUID.randomUUID(), "ItemAdded", 1, java.time.Instant.now(), Metadata.empty(),
                new byte[StreamIds.MAX_PAYLOAD_BYTES + 1]);
        assertThatThrownBy(() -> store.append("Order-1", ExpectedRevision.any(), List.of(huge))).isInstanceOf(PayloadTooLargeException.class);
        assertThat(counting.opened()).isEqualTo(before);

        NewEvent taken = placed("taken");
        store.append("Order-taken", ExpectedRevision.noStream(), List.of(taken));
        for (int i = 1; i <= 30; i++) {
            String stream = "Order-" + i;
            store.append(stream, ExpectedRevision.noStream(), List.of(placed(stream), added(stream, i)));
            assertThatThrownBy(() -> store.append(stream, ExpectedRevision.noStream(), List.of(added(stream, 1))))
                    .isInstanceOf(WrongExpectedRevisionException.class);
            assertThatThrownBy(() -> store.append(stream, ExpectedRevision.any(), List.of(added(stream, 1), taken)))
                    .isInstanceOf(DuplicateEventIdException.class);
            store.readStream(stream, 0, 10);
            store.streamRevision(stream);
            store.readAll(0, 5);
        }
        try (Connection connection = counting.getConnection()) {
            connection.setAutoCommit(false);
            store.append(connection, "Order-tx", ExpectedRevision.noStream(), List.of(placed("tx")));
            connection.rollback();
        }
        Subscription subscription = Subscription.builder("counting", store, registry)
                .handler(event -> { }, new JdbcCheckpointStore(store)).batchSize(7).build();
        subscription.runUntilCaughtUp();
        Subscription failing = Subscription.builder("failing", store, registry)
                .projection((event, connection) -> {
                    throw new IllegalStateException("boom");
                })
                .retry(RetryPolicy.attempts(2, java.time.Duration.ZERO)).build();
        assertThatThrownBy(failing::runUntilCaughtUp).isInstanceOf(SubscriptionFailedException.class);

        assertThat(counting.opened()).isGreaterThan(before + 150);
        assertThat(counting.open()).as("connections still open").isZero();
    }

    // ---------------------------------------------------------------- killed projection

    @Test
    void aProjectionKilledMidBatchResumesFromItsCheckpointWithEveryEventAppliedOnce() throws Exception {
        JdbcEventStore store = store();
        String totals = ProjectionLoopMain.totalsTable(prefix);
        try (Connection connection = store.dataSource().getConnection(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + totals + " (stream_id TEXT PRIMARY KEY, total INTEGER NOT NULL)");
        }
        readModels.add(totals);
        int events = 0;
        for (int n = 0; n < 60; n++) {
            List<NewEvent> batch = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                batch.add(added("Order-" + (n % 4), k));
                events++;
            }
            store.append("Order-" + (n % 4), ExpectedRevision.any(), batch);
        }
        List<StoredEvent> all = store.readAll(0, 1000);
        assertThat(all).hasSize(events);

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ProjectionLoopMain.class.getName()));
        command.addAll(appendLoopArguments(prefix));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            int applied = 0;
            while (applied < 100 && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("applied ")) {
                    applied++;
                }
            }
            assertThat(applied).as("child output: %s", output).isEqualTo(100);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        // Killed mid-run: the committed read model matches the committed checkpoint exactly.
        long checkpoint = new JdbcCheckpointStore(store).load(ProjectionLoopMain.SUBSCRIPTION);
        assertThat(checkpoint).isLessThan(all.get(all.size() - 1).globalPosition());
        assertThat(totals(store, totals)).isEqualTo(expectedTotals(all, checkpoint));

        Subscription restarted = Subscription.builder(ProjectionLoopMain.SUBSCRIPTION, store, registry)
                .projection((event, connection) -> ProjectionLoopMain.apply(totals, event, connection)).batchSize(7).build();
        restarted.runUntilCaughtUp();
        assertThat(totals(store, totals)).isEqualTo(expectedTotals(all, Long.MAX_VALUE));
        assertThat(restarted.position()).isEqualTo(all.get(all.size() - 1).globalPosition());
    }

    private static Map<String, Integer> expectedTotals(List<StoredEvent> events, long upToPosition) {
        EventTypeRegistry registry = Samples.registry();
        Map<String, Integer> totals = new java.util.TreeMap<>();
        for (StoredEvent event : events) {
            if (event.globalPosition() <= upToPosition) {
                totals.merge(event.streamId(), ((ItemAdded) registry.decode(event)).quantity(), Integer::sum);
            }
        }
        return totals;
    }

    private static Map<String, Integer> totals(JdbcEventStore store, String table) throws SQLException {
        Map<String, Integer> totals = new java.util.TreeMap<>();
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT stream_id, total FROM " + table);
             java.sql.ResultSet row = select.executeQuery()) {
            while (row.next()) {
                totals.put(row.getString(1), row.getInt(2));
            }
        }
        return totals;
    }

    // ---------------------------------------------------------------- killed writer

    private static final int PARENT_APPENDS = 20;

    private void appendFromParent(JdbcEventStore store, int batchSize) {
        for (int n = 0; n < PARENT_APPENDS; n++) {
            String batch = UUID.randomUUID().toString();
            Metadata metadata = Metadata.empty().withHeader(AppendLoopMain.BATCH_HEADER, batch);
            List<NewEvent> events = new ArrayList<>();
            for (int k = 0; k < batchSize; k++) {
                events.add(registry.encode(new ItemAdded("Parent-1", "sku", k + 1), metadata));
            }
            ExpectedRevision expected = n == 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly((long) n * batchSize - 1);
            store.append("Parent-1", expected, events);
        }
    }

    @Test
    void aWriterKilledMidRunLeavesEveryAppendWholeOrAbsent() throws Exception {
        int batchSize = 5;
        JdbcEventStore store = store();
        store.createSchema();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendLoopMain.class.getName()));
        command.addAll(appendLoopArguments(prefix));
        command.add(String.valueOf(batchSize));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8))) {
            String line;
            int appended = 0;
            boolean parentAppended = false;
            while (appended < 40 && (line = lines.readLine()) != null) {
                if (!parentAppended) {
                    // Two processes writing the same database at once: the parent's appends must all succeed.
                    appendFromParent(store, batchSize);
                    parentAppended = true;
                }
                output.add(line);
                if (line.startsWith("appended ")) {
                    appended = Integer.parseInt(line.substring("appended ".length()));
                }
            }
            assertThat(appended).as("child output: %s", output).isGreaterThanOrEqualTo(40);
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        List<StoredEvent> all = new ArrayList<>();
        for (List<StoredEvent> page = store.readAll(0, 64); !page.isEmpty();
                page = store.readAll(page.get(page.size() - 1).globalPosition(), 64)) {
            all.addAll(page);
        }
        assertThat(all.size()).isGreaterThanOrEqualTo(40 * batchSize);
        Map<String, List<StoredEvent>> batches = new HashMap<>();
        Map<String, Long> nextRevision = new HashMap<>();
        for (StoredEvent event : all) {
            batches.computeIfAbsent(event.metadata().headers().get(AppendLoopMain.BATCH_HEADER), b -> new ArrayList<>()).add(event);
            long expected = nextRevision.getOrDefault(event.streamId(), 0L);
            assertThat(event.streamRevision()).as("revision in %s", event.streamId()).isEqualTo(expected);
            nextRevision.put(event.streamId(), expected + 1);
        }
        for (List<StoredEvent> batch : batches.values()) {
            assertThat(batch).as("events of one append").hasSize(batchSize);
            for (int k = 1; k < batchSize; k++) {
                assertThat(batch.get(k).streamRevision()).isEqualTo(batch.get(0).streamRevision() + k);
            }
        }

        assertThat(all.stream().filter(e -> e.streamId().equals("Parent-1")).count()).isEqualTo(PARENT_APPENDS * batchSize);
        List<Long> delivered = new ArrayList<>();
        Subscription subscription = Subscription.builder("after-kill", store, registry)
                .handler(event -> delivered.add(event.globalPosition()), new InMemoryCheckpointStore()).batchSize(50).build();
        subscription.runUntilCaughtUp();
        assertThat(delivered).containsExactlyElementsOf(all.stream().map(StoredEvent::globalPosition).toList());
    }
}
