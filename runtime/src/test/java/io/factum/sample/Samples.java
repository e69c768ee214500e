package io.factum.sample;

import io.factum.aggregate.AggregateTypes;
import io.factum.event.EventTypeRegistry;

/** Wires the sample the way explicit user code would: no service files in the test jar. */
public final class Samples {

    static {
        AggregateTypes.register(OrderAggregateType.INSTANCE);
    }

    private Samples() {}

    /** A registry of the sample's event types; also makes sure {@link Order}'s type is registered. */
    public static EventTypeRegistry registry() {
        return EventTypeRegistry.ofTypes(OrderAggregateType.EVENT_TYPES);
    }
}
