package io.factum.benchmarks.snapshot;

import io.factum.aggregate.AggregateRepository;
import io.factum.aggregate.LoadedAggregate;
import io.factum.aggregate.SnapshotPolicy;
import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.benchmarks.domain.Order;
import io.factum.benchmarks.domain.OrderAggregateType;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.benchmarks.store.BenchDatabase;
import io.factum.event.EventTypeRegistry;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.JdbcEventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading one order whose stream holds {@code events} events from SQLite or PostgreSQL, through
 * {@code AggregateRepository.load}: with a snapshot at the head (restore it, then read the events after
 * it: none) and without snapshots (replay the whole stream from JSON). Scores are microseconds per load.
 * Axon 4.13's side is {@link AxonSnapshotLoadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class SnapshotLoadBenchmark {

    /** The stream lengths of the reported runs; smoke tests pass fewer. */
    public static final int SHORT = 10_000;
    public static final int LONG = 100_000;
    /** Events per append while setting up (all in one transaction). */
    static final int CHUNK = 1_000;

    @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRES})
    public String backend;

    @Param({"" + SHORT, "" + LONG})
    public int events;

    private final String orderId = OrderHistory.ORDER_ID.toString();
    private BenchDatabase database;
    private JdbcEventStore store;
    private AggregateRepository<Order, OrderEvent> withSnapshot;
    private AggregateRepository<Order, OrderEvent> withoutSnapshot;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = BenchDatabase.create(backend, 2);
        store = database.factumStore("snapload");
        EventTypeRegistry registry = EventTypeRegistry.of(new DomainFactumModule());
        appendHistory(registry);
        withoutSnapshot = new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE);
        // never(): the benchmark loads only; the one snapshot is taken here, at the head.
        withSnapshot = new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE)
                .withSnapshots(store.snapshots(), SnapshotPolicy.never());
        withSnapshot.takeSnapshot(withoutSnapshot.load(orderId));
        expect(withSnapshot.findLoaded(orderId).orElseThrow(), events - 1, 0);
        expect(withoutSnapshot.findLoaded(orderId).orElseThrow(), -1, events);
    }

    /** The whole stream in one transaction, appended {@link #CHUNK} events at a time: set-up is not measured. */
    private void appendHistory(EventTypeRegistry registry) throws SQLException {
        List<OrderEvent> history = OrderHistory.events(OrderHistory.ORDER_ID, events);
        String streamId = OrderAggregateType.INSTANCE.streamId(orderId);
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                for (int from = 0; from < history.size(); from += CHUNK) {
                    List<NewEvent> chunk = new ArrayList<>(CHUNK);
                    for (OrderEvent event : history.subList(from, Math.min(from + CHUNK, history.size()))) {
                        chunk.add(registry.encode(event, Metadata.empty()));
                    }
                    store.append(connection, streamId,
                            from == 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(from - 1), chunk);
                }
                return null;
            });
        }
    }

    private void expect(LoadedAggregate<Order> loaded, long snapshotRevision, long replayed) {
        if (loaded.snapshotRevision() != snapshotRevision || loaded.eventsReplayed() != replayed) {
            throw new IllegalStateException("Loaded " + loaded + "; expected snapshot revision " + snapshotRevision
                    + " and " + replayed + " events replayed (" + events + " events, " + backend + ")");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        database.close();
    }

    /** Factum: the snapshot at the head restored through the generated codec and constructor, no event replayed. */
    @Benchmark
    public Order factumLoadWithSnapshot() {
        return withSnapshot.load(orderId);
    }

    /** Factum without snapshots: every event read and replayed from its JSON. */
    @Benchmark
    public Order factumLoadWithoutSnapshot() {
        return withoutSnapshot.load(orderId);
    }
}
