package io.factum.benchmarks.store;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DomainFactumModule;
import io.factum.event.EventTypeRegistry;
import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.postgres.PostgresAppendListener;
import io.factum.store.postgres.PostgresEventStore;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.Subscription;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append-to-delivery latency on PostgreSQL: one event appended, then measured until a running
 * subscription, woken by {@code LISTEN/NOTIFY}, has handed it to its handler. The subscription polls
 * only every 10 seconds, so what is measured is the notification path. Microseconds per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class NotifyLatencyBenchmark {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private BenchDatabase database;
    private PostgresEventStore store;
    private PostgresAppendListener listener;
    private Subscription subscription;
    private final AtomicLong deliveredPosition = new AtomicLong();
    private final SampleEvents sample = new SampleEvents();
    private String streamId;
    private long revision = -1;

    @Setup(Level.Trial)
    public void setUp() {
        // Writer, subscription reads and listener each hold a connection.
        database = BenchDatabase.create(BenchDatabase.POSTGRES, 3);
        store = (PostgresEventStore) database.factumStore("factum");
        listener = store.listenForAppends();
        subscription = Subscription.builder("latency", store, EventTypeRegistry.of(new DomainFactumModule()))
                .handler(envelope -> deliveredPosition.set(envelope.globalPosition()), new InMemoryCheckpointStore())
                .pollInterval(POLL_INTERVAL)
                .wakeUpOn(listener)
                .build();
        subscription.start();
        streamId = sample.newStreamId();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subscription.close();
        listener.close();
        store.close();
        database.close();
    }

    @Benchmark
    public long factumAppendToDelivery() {
        ExpectedRevision expected = revision < 0 ? ExpectedRevision.noStream() : ExpectedRevision.exactly(revision);
        AppendResult result = store.append(streamId, expected, sample.next(1));
        revision = result.lastRevision();
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (deliveredPosition.get() < result.lastPosition()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Event at position " + result.lastPosition()
                        + " was not delivered within 5 s; LISTEN/NOTIFY did not wake the subscription");
            }
            Thread.onSpinWait();
        }
        return result.lastPosition();
    }
}
