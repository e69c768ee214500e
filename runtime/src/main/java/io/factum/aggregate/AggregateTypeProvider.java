package io.factum.aggregate;

import java.util.List;

/**
 * Aggregate types that a compilation unit contributes: what {@link AggregateTypes} collects. Every generated
 * {@code FactumModule} is one, listed in {@code META-INF/services/io.factum.aggregate.AggregateTypeProvider}
 * so that {@link java.util.ServiceLoader} finds it; the aggregates layer thereby never depends on the module
 * package above it.
 */
public interface AggregateTypeProvider {

    /** Every {@code @Aggregate} of the unit, sorted by name. */
    List<AggregateType<?, ?>> aggregateTypes();
}
