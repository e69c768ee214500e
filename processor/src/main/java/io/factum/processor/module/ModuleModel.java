package io.factum.processor.module;

import com.palantir.javapoet.ClassName;
import io.factum.processor.event.EventModel;
import io.factum.processor.upcast.UpcasterModel;
import java.util.Comparator;
import java.util.List;

/**
 * What one compilation unit registers: its event types and its aggregate types, sorted so the
 * generated module is the same, byte for byte, however javac ordered the elements.
 *
 * @param moduleClass    the generated {@code FactumModule} implementation
 * @param events         event types, sorted by stored name, then version
 * @param aggregateTypes generated aggregate types, sorted by aggregate name
 * @param upcasters      generated upcasters, sorted by stored name, then version
 * @param subscribers    generated {@code <Handler>Subscribers}, sorted by handler class name
 */
public record ModuleModel(ClassName moduleClass, List<EventModel> events, List<ClassName> aggregateTypes,
                          List<UpcasterModel> upcasters, List<ClassName> subscribers) {

    /** Sorting of {@link #events}: stored name, then version, then class (duplicates are reported elsewhere). */
    public static final Comparator<EventModel> EVENT_ORDER = Comparator.comparing(EventModel::storedName)
            .thenComparingInt(EventModel::version)
            .thenComparing(event -> event.recordClass().canonicalName());

    public ModuleModel {
        events = events.stream().sorted(EVENT_ORDER).toList();
        aggregateTypes = List.copyOf(aggregateTypes);
        upcasters = List.copyOf(upcasters);
        subscribers = List.copyOf(subscribers);
    }

    public ModuleModel(ClassName moduleClass, List<EventModel> events, List<ClassName> aggregateTypes,
                       List<UpcasterModel> upcasters) {
        this(moduleClass, events, aggregateTypes, upcasters, List.of());
    }

    public ModuleModel(ClassName moduleClass, List<EventModel> events, List<ClassName> aggregateTypes) {
        this(moduleClass, events, aggregateTypes, List.of());
    }
}
