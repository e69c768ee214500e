package io.factum.processor.base;

import com.palantir.javapoet.ClassName;

/** Runtime types the processor checks against or the generated code refers to, by name (like the annotations). */
public final class RuntimeTypes {
    public static final String AGGREGATE_ROOT_NAME = "io.factum.aggregate.AggregateRoot";
    public static final String EVENT_ENVELOPE_NAME = "io.factum.event.EventEnvelope";
    public static final ClassName AGGREGATE_TYPE = ClassName.get("io.factum.aggregate", "AggregateType");
    public static final ClassName EVENT_TYPE = ClassName.get("io.factum.event", "EventType");
    public static final ClassName EVENT_TYPE_REGISTRY = ClassName.get("io.factum.event", "EventTypeRegistry");
    public static final ClassName EVENT_ENVELOPE = ClassName.get("io.factum.event", "EventEnvelope");
    public static final ClassName UNKNOWN_EVENT_TYPE = ClassName.get("io.factum.event", "UnknownEventTypeException");
    public static final ClassName STORED_EVENT = ClassName.get("io.factum.store", "StoredEvent");
    public static final ClassName JSON = ClassName.get("io.factum.codec", "Json");
    public static final ClassName EVENT_BUS = ClassName.get("io.factum.bus", "EventBus");
    public static final ClassName REGISTRATION = ClassName.get("io.factum.bus", "Registration");
    public static final ClassName SUBSCRIBER_LINK = ClassName.get("io.factum.bus", "SubscriberLink");
    public static final ClassName EVENT_PUBLISHER = ClassName.get("io.factum.bus", "EventPublisher");
    public static final ClassName SUBSCRIBER_EXCEPTION = ClassName.get("io.factum.bus", "SubscriberException");
    public static final ClassName FACTUM_MODULE = ClassName.get("io.factum.spi", "FactumModule");
    /** What {@code EventTypeRegistry.load()} looks up with ServiceLoader (a FactumModule is one). */
    public static final ClassName EVENT_TYPE_PROVIDER = ClassName.get("io.factum.event", "EventTypeProvider");
    /** What {@code AggregateTypes} looks up with ServiceLoader (a FactumModule is one). */
    public static final ClassName AGGREGATE_TYPE_PROVIDER = ClassName.get("io.factum.aggregate", "AggregateTypeProvider");

    private RuntimeTypes() {}
}
