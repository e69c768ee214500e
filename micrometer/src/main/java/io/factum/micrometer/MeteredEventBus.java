package io.factum.micrometer;

import io.factum.bus.AsyncEventBus;
import io.factum.bus.EventBus;
import io.factum.bus.EventHandler;
import io.factum.bus.Registration;
import io.factum.event.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EventBus} that counts what its delegate publishes ({@value FactumMeters#BUS_PUBLISHED} and
 * {@value FactumMeters#BUS_PUBLISH_FAILURES}, by event type). A synchronous publish is meant to cost a
 * few nanoseconds, so it is counted, not timed: a timer alone costs about 30 ns. Turn timing on with
 * {@link Options#timed(boolean)}.
 *
 * <p>Subscribing passes through unchanged for a synchronous bus, so generated subscriber links keep
 * their inlining. On an {@link AsyncEventBus}, each handler is timed ({@value FactumMeters#BUS_HANDLER})
 * and {@link AsyncBusMetrics} reports queues, failed attempts and dead letters.
 */
public final class MeteredEventBus implements EventBus {

    private final EventBus delegate;
    private final MeterRegistry meters;
    private final String busName;
    private final Timer publishTimer;
    private final AsyncBusMetrics asyncMetrics;
    /** Counters by stored event type; a bounded set (the application's event types). */
    private final ConcurrentHashMap<String, Counters> byType = new ConcurrentHashMap<>();

    private MeteredEventBus(EventBus delegate, MeterRegistry meters, Options options) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.busName = options.busName != null ? options.busName : delegate instanceof AsyncEventBus ? "async" : "sync";
        this.publishTimer = options.timed
                ? Timer.builder(FactumMeters.BUS_PUBLISH).description("Publishes, including synchronous subscribers")
                        .tag(FactumMeters.BUS, busName).register(meters)
                : null;
        this.asyncMetrics = delegate instanceof AsyncEventBus async ? new AsyncBusMetrics(async, busName) : null;
        if (asyncMetrics != null) {
            asyncMetrics.bindTo(meters);
        }
    }

    /** {@code delegate}, counted, untimed. */
    public static MeteredEventBus of(EventBus delegate, MeterRegistry meters) {
        return new MeteredEventBus(delegate, meters, new Options());
    }

    /** {@code delegate}, measured as {@code options} say. */
    public static MeteredEventBus of(EventBus delegate, MeterRegistry meters, Options options) {
        return new MeteredEventBus(delegate, meters, options);
    }

    /** The bus this one measures. */
    public EventBus delegate() {
        return delegate;
    }

    @Override
    public void publish(EventEnvelope<?> envelope) {
        Counters counters = countersOf(envelope.type());
        counters.published.increment();
        if (publishTimer == null) {
            try {
                delegate.publish(envelope);
            } catch (RuntimeException | Error e) {
                counters.failures.increment();
                throw e;
            }
        } else {
            long start = System.nanoTime();
            try {
                delegate.publish(envelope);
            } catch (RuntimeException | Error e) {
                counters.failures.increment();
                throw e;
            } finally {
                publishTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    @Override
    public <E> Registration subscribe(String subscriberName, Class<E> eventClass, EventHandler<E> handler) {
        if (asyncMetrics == null) {
            return delegate.subscribe(subscriberName, eventClass, handler);
        }
        asyncMetrics.bindSubscriber(meters, subscriberName);
        Timer success = handlerTimer(subscriberName, "success");
        Timer failure = handlerTimer(subscriberName, "failure");
        return delegate.subscribe(subscriberName, eventClass, envelope -> {
            long start = System.nanoTime();
            Timer outcome = failure;
            try {
                handler.handle(envelope);
                outcome = success;
            } finally {
                outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
    }

    private Timer handlerTimer(String subscriberName, String outcome) {
        return Timer.builder(FactumMeters.BUS_HANDLER).description("Asynchronous subscriber calls")
                .tag(FactumMeters.BUS, busName).tag(FactumMeters.SUBSCRIBER, subscriberName)
                .tag(FactumMeters.OUTCOME, outcome).register(meters);
    }

    private Counters countersOf(String type) {
        Counters counters = byType.get(type);
        return counters != null ? counters : byType.computeIfAbsent(type, this::newCounters);
    }

    private Counters newCounters(String type) {
        return new Counters(
                Counter.builder(FactumMeters.BUS_PUBLISHED).description("Events published")
                        .tag(FactumMeters.BUS, busName).tag(FactumMeters.EVENT_TYPE, type).register(meters),
                Counter.builder(FactumMeters.BUS_PUBLISH_FAILURES).description("Publishes that threw")
                        .tag(FactumMeters.BUS, busName).tag(FactumMeters.EVENT_TYPE, type).register(meters));
    }

    private record Counters(Counter published, Counter failures) {}

    /** How a bus is measured. */
    public static final class Options {
        private boolean timed;
        private String busName;

        /** Whether every publish is timed too ({@value FactumMeters#BUS_PUBLISH}); default false (about 30 ns a publish). */
        public Options timed(boolean timed) {
            this.timed = timed;
            return this;
        }

        /** The {@value FactumMeters#BUS} tag; default {@code sync} or {@code async}. */
        public Options busName(String busName) {
            this.busName = Objects.requireNonNull(busName, "busName");
            return this;
        }
    }
}
