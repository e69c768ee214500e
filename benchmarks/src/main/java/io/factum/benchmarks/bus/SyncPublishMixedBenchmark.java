package io.factum.benchmarks.bus;

import com.google.common.eventbus.EventBus;
import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.DiscountApplied;
import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.benchmarks.domain.OrderShipped;
import io.factum.bus.LocalEnvelopes;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
 * Synchronous publish, round-robin over four event types with three subscribers each. Nanoseconds per publish.
 *
 * <p>{@link SyncPublishBenchmark} publishes one event type only, so every call site inside the bus sees one
 * receiver and the JIT may inline all of it. Here the bus's own call into the subscribers sees four,
 * as in an application that publishes several event types through one bus: that call stays a virtual
 * call, and the comparison with a hand-written dispatcher (an {@code instanceof} chain calling the twelve
 * methods) shows what remains of the inlining.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class SyncPublishMixedBenchmark {

    /** The event types published in turn; a power of two, so the next index is a mask. */
    static final int TYPES = 4;

    private Object[] events;
    private EventEnvelope<?>[] envelopes;
    private int next;
    ShippingHandler shipping;
    BillingHandler billing;
    NotificationHandler notification;
    private SynchronousEventBus factum;
    private EventBus guava;

    @Setup
    public void setUp(Blackhole blackhole) {
        Instant at = Instant.parse("2026-11-26T08:00:00Z");
        List<Object> sample = List.of(
                new OrderConfirmed(OrderHistory.ORDER_ID, at),
                new OrderShipped(OrderHistory.ORDER_ID, "TRACK-1", at),
                new ItemAdded(OrderHistory.ORDER_ID, new OrderLine("SKU-1001", 2, new BigDecimal("19.99"))),
                new DiscountApplied(OrderHistory.ORDER_ID, "SAVE5", new BigDecimal("5.00")));
        events = sample.toArray();
        envelopes = sample.stream().map(LocalEnvelopes::of).toArray(EventEnvelope<?>[]::new);
        shipping = new ShippingHandler(blackhole);
        billing = new BillingHandler(blackhole);
        notification = new NotificationHandler(blackhole);

        factum = SyncPublishBenchmark.factumBus(shipping, billing, notification);
        guava = SyncPublishBenchmark.guavaBus(shipping, billing, notification);
    }

    /** The limit: a hand-written dispatcher, an {@code instanceof} chain calling the subscriber methods directly. */
    @Benchmark
    public void directCalls() {
        Object event = events[nextIndex()];
        if (event instanceof OrderConfirmed confirmed) {
            shipping.on(confirmed);
            billing.on(confirmed);
            notification.on(confirmed);
        } else if (event instanceof OrderShipped shipped) {
            shipping.on(shipped);
            billing.on(shipped);
            notification.on(shipped);
        } else if (event instanceof ItemAdded added) {
            shipping.on(added);
            billing.on(added);
            notification.on(added);
        } else if (event instanceof DiscountApplied discounted) {
            shipping.on(discounted);
            billing.on(discounted);
            notification.on(discounted);
        }
    }

    /** Factum's synchronous bus with the generated registrations of the three handlers. */
    @Benchmark
    public void factumSyncBus() {
        factum.publish(envelopes[nextIndex()]);
    }

    @Benchmark
    public void guavaEventBus() {
        guava.post(events[nextIndex()]);
    }

    private int nextIndex() {
        int index = next;
        next = (index + 1) & (TYPES - 1);
        return index;
    }
}
