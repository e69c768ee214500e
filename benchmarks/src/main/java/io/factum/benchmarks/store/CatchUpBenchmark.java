package io.factum.benchmarks.store;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.event.EventTypeRegistry;
import io.factum.store.ExpectedRevision;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.JdbcCheckpointStore;
import io.factum.subscription.Subscription;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A catch-up subscription reading the whole store from position 0 ({@code events} stored events, 10 per
 * stream): each event decoded into an envelope and handed to a handler, the checkpoint in the database,
 * saved as a handler subscription saves it by default: by time while catching up (the default
 * {@code checkpointInterval}, 1 s) and once caught up, so what users get. The peer reads the same rows
 * with plain JDBC in batches of the same size, without decoding or checkpoints. A second Factum variant
 * keeps its checkpoint in memory, to show what the durable checkpoint costs. Scores are complete
 * catch-ups per second; the report multiplies by {@code events}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class CatchUpBenchmark {

    /** Events in the store in the reported runs; smoke tests pass fewer. */
    public static final int DEFAULT_EVENTS = 20_000;
    static final int EVENTS_PER_STREAM = 10;
    /** Factum's default batch size, used by both sides. */
    static final int BATCH_SIZE = 256;

    @Param({BenchDatabase.SQLITE, BenchDatabase.POSTGRES})
    public String backend;

    @Param({"" + DEFAULT_EVENTS})
    public int events;

    private BenchDatabase database;
    JdbcEventStore store;
    private RawJdbcEvents jdbc;
    private Subscription subscription;
    private Subscription inMemoryCheckpointSubscription;
    private long delivered;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) throws SQLException {
        database = BenchDatabase.create(backend, 2);
        store = database.factumStore("factum");
        SampleEvents sample = new SampleEvents();
        // One transaction for the whole history: setting up is not what is measured.
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                for (int i = 0; i < events / EVENTS_PER_STREAM; i++) {
                    store.append(connection, sample.newStreamId(), ExpectedRevision.noStream(), sample.next(EVENTS_PER_STREAM));
                }
                return null;
            });
        }
        jdbc = RawJdbcEvents.over(database.dataSource(), store.dialect(), store.tables());
        EventTypeRegistry registry = EventTypeRegistry.of(new DomainFactumModule());
        EnvelopeHandler handler = envelope -> {
            blackhole.consume(envelope.payload());
            delivered++;
        };
        // No checkpointInterval: the default is what is measured.
        subscription = Subscription.builder("catch-up", store, registry)
                .handler(handler, new JdbcCheckpointStore(store))
                .batchSize(BATCH_SIZE)
                .build();
        inMemoryCheckpointSubscription = Subscription.builder("catch-up-in-memory", store, registry)
                .handler(handler, new InMemoryCheckpointStore())
                .batchSize(BATCH_SIZE)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subscription.close();
        inMemoryCheckpointSubscription.close();
        store.close();
        database.close();
    }

    @Benchmark
    public long factumCatchUp() {
        subscription.reset();
        delivered = 0;
        subscription.runUntilCaughtUp();
        return expectAll(delivered);
    }

    /**
     * The same subscription with its checkpoint in memory: no database write (and, on SQLite and
     * PostgreSQL, no flush to disk) at all, where the durable one commits its {@code reset()} and its
     * saves (one per second while catching up, and one once caught up). Shows what the durable
     * checkpoint costs.
     */
    @Benchmark
    public long factumCatchUpInMemoryCheckpoint() {
        inMemoryCheckpointSubscription.reset();
        delivered = 0;
        inMemoryCheckpointSubscription.runUntilCaughtUp();
        return expectAll(delivered);
    }

    @Benchmark
    public long jdbcReadAll() {
        return expectAll(jdbc.readAll(0, BATCH_SIZE));
    }

    private long expectAll(long read) {
        if (read != events) {
            throw new IllegalStateException("Read " + read + " events, expected " + events);
        }
        return read;
    }
}
