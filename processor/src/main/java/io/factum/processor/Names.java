package io.factum.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.Map;

/**
 * Names the processor reads (the runtime's annotations, by name: the processor never loads runtime
 * classes) and names it writes (predictable generated class names).
 */
public final class Names {
    public static final String EVENT = "io.factum.annotation.Event";
    public static final String AGGREGATE = "io.factum.annotation.Aggregate";
    public static final String APPLY = "io.factum.annotation.Apply";
    public static final String SUBSCRIBE = "io.factum.annotation.Subscribe";
    public static final String UPCAST = "io.factum.annotation.Upcast";
    public static final String EVENT_ROUTER = "io.factum.annotation.EventRouter";

    public static final ClassName FACTUM_GENERATED = ClassName.get("io.factum.annotation", "FactumGenerated");
    public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    public static final String PROCESSOR = "io.factum.processor.FactumProcessor";

    /** Processor option: the fully qualified name of the generated {@code FactumModule}. */
    public static final String MODULE_OPTION = "factum.module";

    // Runtime types the generated code refers to (by name, like the annotations).
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

    private Names() {}

    /** {@code com.x.Order.Created} → {@code com.x.Order_Created} + suffix: flat, predictable, collision-free. */
    public static ClassName generated(ClassName source, String suffix) {
        return ClassName.get(source.packageName(), String.join("_", source.simpleNames()) + suffix);
    }

    /** The generated codec of a record: {@code OrderCreated} → {@code OrderCreatedCodec}. */
    public static ClassName codecOf(ClassName record) {
        return generated(record, "Codec");
    }

    /** The generated aggregate type: {@code Order} → {@code OrderAggregateType}. */
    public static ClassName aggregateTypeOf(ClassName aggregate) {
        return generated(aggregate, "AggregateType");
    }

    /** The generated subscriber registration: {@code Notifications} → {@code NotificationsSubscribers}. */
    public static ClassName subscribersOf(ClassName handler) {
        return generated(handler, "Subscribers");
    }

    /** The generated compile-time router: {@code OrderEvents} → {@code OrderEventsRouter}. */
    public static ClassName routerOf(ClassName routerInterface) {
        return generated(routerInterface, "Router");
    }

    /** Whether {@code element} is a record annotated with {@code @Event}. */
    public static boolean isEventRecord(Element element) {
        return element.getKind() == ElementKind.RECORD && annotation(element, EVENT) != null;
    }

    /** The mirror of annotation {@code qualifiedName} on {@code element}, or null. */
    public static AnnotationMirror annotation(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    /** The value of {@code name} in {@code mirror}, with defaults applied, or null. */
    public static Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue().getValue();
            }
        }
        for (Element member : mirror.getAnnotationType().asElement().getEnclosedElements()) {
            if (member instanceof ExecutableElement method && method.getSimpleName().contentEquals(name)) {
                AnnotationValue def = method.getDefaultValue();
                return def == null ? null : def.getValue();
            }
        }
        return null;
    }

    /** The {@link AnnotationValue} of {@code name} as written in {@code mirror} (for precise error positions), or null. */
    public static AnnotationValue writtenValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
