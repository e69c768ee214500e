package io.factum.aggregate;

import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the generated {@link AggregateType} of an aggregate class, so that
 * {@link AggregateRoot#record} can apply events without the user wiring anything.
 *
 * <p>Types are found through the {@link AggregateTypeProvider}s (the generated {@code FactumModule}s) that
 * {@link ServiceLoader} lists, or
 * registered explicitly with {@link #register}. No class is looked up by name.
 */
public final class AggregateTypes {

    private static final ConcurrentMap<Class<?>, AggregateType<?, ?>> TYPES = new ConcurrentHashMap<>();

    static {
        for (AggregateTypeProvider module : ServiceLoader.load(AggregateTypeProvider.class, AggregateTypes.class.getClassLoader())) {
            for (AggregateType<?, ?> type : module.aggregateTypes()) {
                TYPES.putIfAbsent(type.aggregateClass(), type);
            }
        }
    }

    private AggregateTypes() {}

    /** Registers a type explicitly, e.g. where the class loader does not see the module's service file. */
    public static void register(AggregateType<?, ?> type) {
        TYPES.put(type.aggregateClass(), type);
    }

    /** Registers every aggregate type of a module (a generated {@code FactumModule} is an {@link AggregateTypeProvider}). */
    public static void register(AggregateTypeProvider module) {
        for (AggregateType<?, ?> type : module.aggregateTypes()) {
            register(type);
        }
    }

    /**
     * The generated type of {@code aggregateClass}.
     *
     * @throws IllegalStateException if none is known, which means the processor did not run on it
     */
    public static AggregateType<?, ?> of(Class<?> aggregateClass) {
        AggregateType<?, ?> type = TYPES.get(aggregateClass);
        if (type == null) {
            throw new IllegalStateException("No generated AggregateType for " + aggregateClass.getName()
                    + ". Annotate it with @Aggregate, put factum-processor on the annotation processor path, "
                    + "and make sure the generated FactumModule is on the class path (META-INF/services) "
                    + "or registered with AggregateTypes.register(...)");
        }
        return type;
    }
}
