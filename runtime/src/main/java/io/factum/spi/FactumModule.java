package io.factum.spi;

import io.factum.aggregate.AggregateType;
import io.factum.event.EventType;
import io.factum.event.Upcaster;
import java.util.List;

/**
 * What the processor generated for one compilation unit: its event types, upcasters and aggregate types.
 *
 * <p>The processor writes one implementation per compilation unit and lists it in
 * {@code META-INF/services/io.factum.spi.FactumModule}, so {@link java.util.ServiceLoader}
 * finds it (no classpath scanning, native-image friendly). It can also be wired explicitly:
 * {@code EventTypeRegistry.of(new OrderingFactumModule())}.
 */
public interface FactumModule {

    /** Every {@code @Event} record of the unit, sorted by stored name then version. */
    List<EventType<?>> eventTypes();

    /** Every {@code @Aggregate} of the unit, sorted by name. */
    default List<AggregateType<?, ?>> aggregateTypes() {
        return List.of();
    }

    /**
     * One upcaster per {@code @Upcast} method of the unit, sorted by stored name then version.
     * {@link io.factum.event.EventTypeRegistry} chains them from every old version to the current one.
     */
    default List<Upcaster<?, ?>> upcasters() {
        return List.of();
    }

    /**
     * One registration per class of the unit with {@code @Subscribe} methods, sorted by class name: what
     * integrations (the Spring Boot starter) use to subscribe handler objects they find to a bus.
     */
    default List<SubscriberRegistration<?>> subscriberRegistrations() {
        return List.of();
    }
}
