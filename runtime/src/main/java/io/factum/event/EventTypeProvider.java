package io.factum.event;

import java.util.List;

/**
 * Event types and upcasters that a compilation unit contributes: what {@link EventTypeRegistry} collects.
 * Every generated {@code FactumModule} is one, listed in {@code META-INF/services/io.factum.event.EventTypeProvider}
 * so that {@link EventTypeRegistry#load()} finds it with {@link java.util.ServiceLoader}; the events layer
 * thereby never depends on the module package above it.
 */
public interface EventTypeProvider {

    /** Every {@code @Event} record of the unit, sorted by stored name then version. */
    List<EventType<?>> eventTypes();

    /**
     * One upcaster per {@code @Upcast} method of the unit, sorted by stored name then version.
     * {@link EventTypeRegistry} chains them from every old version to the current one.
     */
    default List<Upcaster<?, ?>> upcasters() {
        return List.of();
    }
}
