package io.factum.micrometer;

import io.factum.bus.AsyncEventBus;
import io.factum.bus.SubscriberMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Meters read from {@link AsyncEventBus#metrics()} and {@link AsyncEventBus#deadLetters()} when they are
 * scraped: the dead letters held ({@value FactumMeters#BUS_DEAD_LETTERS}), and per subscriber name the
 * queue depth, failed attempts (retries count) and dead-lettered events. A subscriber name subscribed to
 * several event classes (a family method) is summed over them. {@link MeteredEventBus} binds a subscriber
 * when it subscribes; {@link #bindSubscriber} binds one subscribed elsewhere.
 */
public final class AsyncBusMetrics implements MeterBinder {

    private final AsyncEventBus bus;
    private final String busName;

    public AsyncBusMetrics(AsyncEventBus bus, String busName) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.busName = Objects.requireNonNull(busName, "busName");
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder(FactumMeters.BUS_DEAD_LETTERS, bus, b -> b.deadLetters().size())
                .description("Dead letters held").tag(FactumMeters.BUS, busName).register(meters);
        for (SubscriberMetrics subscriber : bus.metrics()) {
            bindSubscriber(meters, subscriber.subscriberName());
        }
    }

    /** Registers the meters of subscriber {@code name} (again: registering twice is harmless). */
    public void bindSubscriber(MeterRegistry meters, String name) {
        Gauge.builder(FactumMeters.BUS_QUEUE, bus, b -> sum(b, name, SubscriberMetrics::queued))
                .description("Events waiting in the subscriber's queue")
                .tag(FactumMeters.BUS, busName).tag(FactumMeters.SUBSCRIBER, name).register(meters);
        FunctionCounter.builder(FactumMeters.BUS_FAILED_ATTEMPTS, bus, b -> sum(b, name, SubscriberMetrics::failedAttempts))
                .description("Handler calls that threw, retries included")
                .tag(FactumMeters.BUS, busName).tag(FactumMeters.SUBSCRIBER, name).register(meters);
        FunctionCounter.builder(FactumMeters.BUS_DEAD_LETTERED, bus, b -> sum(b, name, SubscriberMetrics::deadLettered))
                .description("Events parked as dead letters after the last attempt failed")
                .tag(FactumMeters.BUS, busName).tag(FactumMeters.SUBSCRIBER, name).register(meters);
    }

    private static double sum(AsyncEventBus bus, String name, ToLongFunction<SubscriberMetrics> counter) {
        long total = 0;
        for (SubscriberMetrics metrics : bus.metrics()) {
            if (metrics.subscriberName().equals(name)) {
                total += counter.applyAsLong(metrics);
            }
        }
        return total;
    }
}
