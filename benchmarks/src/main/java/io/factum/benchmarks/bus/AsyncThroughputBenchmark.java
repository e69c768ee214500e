package io.factum.benchmarks.bus;

import com.google.common.eventbus.AsyncEventBus;
import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderHistory;
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
    private ExecutorService guavaExecutor;
    private AsyncEventBus guava;
    private DeliveryCounter guavaCounter;
    private long guavaPublished;

    @Setup
    public void setUp() {
        event = new OrderConfirmed(OrderHistory.ORDER_ID, Instant.parse("2026-11-26T08:00:00Z"));
        // As many delivery threads as the machine has cores, like the Factum async bus below.
        guavaExecutor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        guava = new AsyncEventBus("benchmark", guavaExecutor);
        guavaCounter = new DeliveryCounter();
        guava.register(guavaCounter);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        guavaExecutor.shutdown();
        guavaExecutor.awaitTermination(10, TimeUnit.SECONDS);
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
