package io.factum.processor.base;

import com.palantir.javapoet.ClassName;

/** The names the processor writes: predictable generated class names and the markers on generated code. */
public final class GeneratedNames {
    public static final ClassName FACTUM_GENERATED = ClassName.get("io.factum.annotation", "FactumGenerated");
    public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    public static final String PROCESSOR = "io.factum.processor.FactumProcessor";

    private GeneratedNames() {}

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

    /** {@code orderId} → {@code ORDER_ID}. */
    public static String constantName(String componentName) {
        StringBuilder constant = new StringBuilder();
        for (int i = 0; i < componentName.length(); i++) {
            char c = componentName.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(componentName.charAt(i - 1))) {
                constant.append('_');
            }
            constant.append(Character.toUpperCase(c));
        }
        return constant.toString();
    }
}
