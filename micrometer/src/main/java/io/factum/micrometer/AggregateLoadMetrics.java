package io.factum.micrometer;

import io.factum.aggregate.AggregateLoadListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An {@link AggregateLoadListener} that times every repository load ({@value FactumMeters#AGGREGATE_LOAD}, tags
 * {@value FactumMeters#AGGREGATE} and {@value FactumMeters#OUTCOME}: {@code found}, {@code absent},
 * {@code failure}) and records the events each load replayed ({@value FactumMeters#AGGREGATE_LOAD_EVENTS}). Give
 * it to the repository: {@code new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE, bus,
 * new AggregateLoadMetrics(meters))}; one instance serves every repository. The aggregate tag is the aggregate
 * type's name, a value fixed at compile time.
 */
public final class AggregateLoadMetrics implements AggregateLoadListener {

    private final MeterRegistry meters;
    private final Map<String, Meters> byAggregate = new ConcurrentHashMap<>();

    public AggregateLoadMetrics(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public void loaded(AggregateLoad load) {
        Meters forType = byAggregate.computeIfAbsent(load.aggregateType(), Meters::new);
        forType.timers[load.outcome().ordinal()].record(load.nanos(), TimeUnit.NANOSECONDS);
        if (load.outcome() == Outcome.FOUND) {
            forType.events.record(load.eventsReplayed());
        }
    }

    /** The meters of one aggregate type, registered at its first load. */
    private final class Meters {
        final Timer[] timers = new Timer[Outcome.values().length];
        final DistributionSummary events;

        Meters(String aggregate) {
            for (Outcome outcome : Outcome.values()) {
                timers[outcome.ordinal()] = Timer.builder(FactumMeters.AGGREGATE_LOAD)
                        .description("Aggregates loaded by a repository")
                        .tag(FactumMeters.AGGREGATE, aggregate)
                        .tag(FactumMeters.OUTCOME, outcome.name().toLowerCase(Locale.ROOT)).register(meters);
            }
            events = DistributionSummary.builder(FactumMeters.AGGREGATE_LOAD_EVENTS)
                    .description("Events a repository replayed to load an aggregate").baseUnit("events")
                    .tag(FactumMeters.AGGREGATE, aggregate).register(meters);
        }
    }
}
