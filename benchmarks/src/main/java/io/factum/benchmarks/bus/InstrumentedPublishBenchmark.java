package io.factum.benchmarks.bus;

import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.bus.LocalEnvelopes;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import io.factum.micrometer.MeteredEventBus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What factum-micrometer costs a synchronous publish to three subscribers: the plain bus, the bus counted
 * by {@link MeteredEventBus} (the default: counters only) and counted and timed. Target: counted costs at
 * most 15 ns more than plain. Nanoseconds per publish.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class InstrumentedPublishBenchmark {

    private EventEnvelope<OrderConfirmed> envelope;
    private SynchronousEventBus plain;
    private MeteredEventBus counted;
    private MeteredEventBus timed;

    @Setup
    public void setUp(Blackhole blackhole) {
        envelope = LocalEnvelopes.of(new OrderConfirmed(OrderHistory.ORDER_ID, Instant.parse("2026-11-26T08:00:00Z")));
        plain = bus(blackhole);
        counted = MeteredEventBus.of(bus(blackhole), new SimpleMeterRegistry());
        timed = MeteredEventBus.of(bus(blackhole), new SimpleMeterRegistry(), new MeteredEventBus.Options().timed(true));
    }

    private static SynchronousEventBus bus(Blackhole blackhole) {
        return SyncPublishBenchmark.factumBus(new ShippingHandler(blackhole), new BillingHandler(blackhole),
                new NotificationHandler(blackhole));
    }

    @Benchmark
    public void plainSyncBus() {
        plain.publish(envelope);
    }

    @Benchmark
    public void countedSyncBus() {
        counted.publish(envelope);
    }

    @Benchmark
    public void countedAndTimedSyncBus() {
        timed.publish(envelope);
    }
}
