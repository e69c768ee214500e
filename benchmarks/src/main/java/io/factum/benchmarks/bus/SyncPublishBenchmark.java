package io.factum.benchmarks.bus;

import com.google.common.eventbus.EventBus;
import io.factum.benchmarks.BenchmarkSettings;
import io.factum.benchmarks.domain.OrderConfirmed;
import io.factum.benchmarks.domain.OrderHistory;
import io.factum.bus.LocalEnvelopes;
import io.factum.bus.SynchronousEventBus;
import io.factum.event.EventEnvelope;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

/** Synchronous publish of one event to three subscribers, in the caller's thread. Nanoseconds per publish. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkSettings.HEAP_MIN, BenchmarkSettings.HEAP_MAX, BenchmarkSettings.PRE_TOUCH})
public class SyncPublishBenchmark {

    OrderConfirmed event;
    EventEnvelope<OrderConfirmed> envelope;
    private SynchronousEventBus factum;
    private SynchronousEventBus.Publisher<OrderConfirmed> factumPublisher;
    private OrderHandlersRouter factumRouter;
    ShippingHandler shipping;
    BillingHandler billing;
    NotificationHandler notification;
    private EventBus guava;
    private Map<Class<?>, Consumer<Object>[]> classMap;

    @Setup
    public void setUp(Blackhole blackhole) {
        event = new OrderConfirmed(OrderHistory.ORDER_ID, Instant.parse("2026-11-26T08:00:00Z"));
        shipping = new ShippingHandler(blackhole);
        billing = new BillingHandler(blackhole);
        notification = new NotificationHandler(blackhole);

        // Factum publishes envelopes; building one per publish would be the publisher's cost, not the bus's.
        envelope = LocalEnvelopes.of(event);
        factum = factumBus(shipping, billing, notification);
        factumPublisher = factum.publisher(OrderConfirmed.class);
        factumRouter = new OrderHandlersRouter(shipping, billing, notification);

        classMap = new HashMap<>();
        classMap.put(OrderConfirmed.class, subscribers(
                event -> shipping.on((OrderConfirmed) event),
                event -> billing.on((OrderConfirmed) event),
                event -> notification.on((OrderConfirmed) event)));

        guava = guavaBus(shipping, billing, notification);
    }

    /** Factum's synchronous bus with the generated registrations of the three handlers, in this order. */
    static SynchronousEventBus factumBus(ShippingHandler shipping, BillingHandler billing, NotificationHandler notification) {
        SynchronousEventBus bus = new SynchronousEventBus();
        ShippingHandlerSubscribers.register(bus, shipping);
        BillingHandlerSubscribers.register(bus, billing);
        NotificationHandlerSubscribers.register(bus, notification);
        return bus;
    }

    /** Guava's bus with the three handlers registered, in this order. */
    static EventBus guavaBus(Object... handlers) {
        EventBus bus = new EventBus("benchmark");
        for (Object handler : handlers) {
            bus.register(handler);
        }
        return bus;
    }

    /** The limit: the three subscriber methods called directly. */
    @Benchmark
    public void directCalls() {
        shipping.on(event);
        billing.on(event);
        notification.on(event);
    }

    /** Factum's synchronous bus with the generated registrations of the three handlers. */
    @Benchmark
    public void factumSyncBus() {
        factum.publish(envelope);
    }

    /** The same bus, through a publisher bound to the event class: no lookup of the payload's class. */
    @Benchmark
    public void factumBoundPublisher() {
        factumPublisher.publish(envelope);
    }

    /**
     * The generated compile-time router over the same three handlers ({@link OrderHandlers}): an
     * {@code instanceof} chain over their event records and direct calls, no bus.
     */
    @Benchmark
    public void factumRouter() {
        factumRouter.publish(envelope);
    }

    @Benchmark
    public void guavaEventBus() {
        guava.post(event);
    }

    /**
     * What a minimal table-driven bus costs: a {@code HashMap} from the event's class to an array of
     * consumers (no envelope, no error handling). Not a library; a yardstick between Guava and direct calls.
     */
    @Benchmark
    public void classMapDispatch() {
        for (Consumer<Object> subscriber : classMap.get(event.getClass())) {
            subscriber.accept(event);
        }
    }

    @SafeVarargs
    private static Consumer<Object>[] subscribers(Consumer<Object>... subscribers) {
        return subscribers;
    }
}
