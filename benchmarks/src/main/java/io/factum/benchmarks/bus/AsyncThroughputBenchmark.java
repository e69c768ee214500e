package io.factum.benchmarks.bus;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.bus.AsyncEventBus;
import io.factum.bus.LocalEnvelopes;
import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Asynchronous publish: a burst of events to three subscribers, measured until every subscriber has
 * received every event. Scores are events per second (each delivered three times).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(AsyncThroughputBenchmark.BURST)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class AsyncThroughputBenchmark {

    static final int BURST = 1_000;

    OrderConfirmed event;
    EventEnvelope<OrderConfirmed> envelope;
    private AsyncEventBus factum;
    DeliveryCounter factumCounter;
    private long factumPublished;
    private ExecutorService guavaExecutor;
    private com.google.common.eventbus.AsyncEventBus guava;
    DeliveryCounter guavaCounter;
    private long guavaPublished;

    @Setup
    public void setUp() {
        event = new OrderConfirmed(OrderHistory.ORDER_ID, Instant.parse("2026-11-26T08:00:00Z"));
        envelope = LocalEnvelopes.of(event);
        // Factum's defaults: a bounded queue per subscriber and a pool of 2 to 4 threads (here: 2 cores, 2).
        factum = AsyncEventBus.create();
        factumCounter = new DeliveryCounter();
        DeliveryCounterSubscribers.register(factum, factumCounter);

        // As many delivery threads as the Factum bus has on this machine.
        guavaExecutor = Executors.newFixedThreadPool(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
        guava = new com.google.common.eventbus.AsyncEventBus("benchmark", guavaExecutor);
        guavaCounter = new DeliveryCounter();
        guava.register(guavaCounter);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        factum.close(Duration.ofSeconds(10));
        guavaExecutor.shutdown();
        guavaExecutor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public void factumAsyncBus() {
        for (int i = 0; i < BURST; i++) {
            factum.publish(envelope);
        }
        factumPublished += BURST;
        factumCounter.awaitEach(factumPublished);
    }

    @Benchmark
    public void guavaAsyncEventBus() {
        for (int i = 0; i < BURST; i++) {
            guava.post(event);
        }
        guavaPublished += BURST;
        guavaCounter.awaitEach(guavaPublished);
    }
}
