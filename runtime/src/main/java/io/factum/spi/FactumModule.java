package io.factum.spi;

import io.factum.aggregate.AggregateType;
import io.factum.aggregate.AggregateTypeProvider;
import io.factum.event.EventTypeProvider;
import java.util.List;

/**
 * What the processor generated for one compilation unit: its event types, upcasters, aggregate types and
 * subscriber registrations.
 *
 * <p>The processor writes one implementation per compilation unit and lists it in
 * {@code META-INF/services/io.factum.spi.FactumModule} (for integrations such as the Spring Boot starter),
 * {@code META-INF/services/io.factum.event.EventTypeProvider} (for {@code EventTypeRegistry.load()}) and
 * {@code META-INF/services/io.factum.aggregate.AggregateTypeProvider} (for {@code AggregateTypes}), so
 * {@link java.util.ServiceLoader} finds it (no classpath scanning, native-image friendly). Each layer looks
 * up the interface of its own package, so none depends on this package above them. A module can also be
 * wired explicitly: {@code EventTypeRegistry.of(new OrderingFactumModule())}.
 */
public interface FactumModule extends EventTypeProvider, AggregateTypeProvider {

    /** Every {@code @Aggregate} of the unit, sorted by name. */
    @Override
    default List<AggregateType<?, ?>> aggregateTypes() {
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
