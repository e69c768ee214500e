package io.factum.aggregate;

import io.factum.ServiceEntries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Finds the generated {@link AggregateType} of an aggregate class, so that
 * {@link AggregateRoot#record} can apply events without the user wiring anything.
 *
 * <p>Types are found through the {@link AggregateTypeProvider}s (the generated {@code FactumModule}s) that
 * {@link ServiceLoader} lists, looked up on first use, or registered explicitly with {@link #register}. No class
 * is looked up by name. Two different modules of one class name on the class path are refused, as
 * {@code EventTypeRegistry.load()} refuses them: ServiceLoader would silently keep only the first.
 */
public final class AggregateTypes {

    private static final ConcurrentMap<Class<?>, AggregateType<?, ?>> TYPES = new ConcurrentHashMap<>();
    private static final Object LOADING = new Object();
    /** The modules ServiceLoader listed; null until the first look-up has read them (or while it fails). */
    private static volatile List<String> modulesFound;

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
     * @throws IllegalStateException if none is known (the processor did not run on it, or its module is not on the
     *                               class path; the message lists the modules that were found), or if two different
     *                               modules of one class name are on the class path
     */
    public static AggregateType<?, ?> of(Class<?> aggregateClass) {
        AggregateType<?, ?> type = TYPES.get(aggregateClass);
        if (type != null) {
            return type;
        }
        List<String> modules = loadServices();
        type = TYPES.get(aggregateClass);
        if (type == null) {
            throw new IllegalStateException("No generated AggregateType for " + aggregateClass.getName()
                    + ". Annotate it with @Aggregate, put factum-processor on the annotation processor path, "
                    + "and make sure its generated FactumModule is on the class path (listed in META-INF/services/"
                    + AggregateTypeProvider.class.getName() + ") or registered with AggregateTypes.register(...). "
                    + (modules.isEmpty() ? "No module was found." : "Modules found: " + String.join(", ", modules)));
        }
        return type;
    }

    private static List<String> loadServices() {
        List<String> modules = modulesFound;
        if (modules != null) {
            return modules;
        }
        synchronized (LOADING) {
            if (modulesFound == null) {
                Map<Class<?>, AggregateType<?, ?>> found = new ConcurrentHashMap<>();
                modulesFound = loadFrom(AggregateTypes.class.getClassLoader(), found);
                found.forEach(TYPES::putIfAbsent); // an explicit registration wins
            }
            return modulesFound;
        }
    }

    /**
     * Reads the modules {@code loader} lists into {@code types}; returns their class names.
     *
     * @throws IllegalStateException if two different modules of one class name are listed
     */
    static List<String> loadFrom(ClassLoader loader, Map<Class<?>, AggregateType<?, ?>> types) {
        ServiceEntries.requireDistinctClasses(loader, AggregateTypeProvider.class);
        List<String> modules = new ArrayList<>();
        for (AggregateTypeProvider module : ServiceLoader.load(AggregateTypeProvider.class, loader)) {
            modules.add(module.getClass().getName());
            for (AggregateType<?, ?> type : module.aggregateTypes()) {
                types.putIfAbsent(type.aggregateClass(), type);
            }
        }
        return List.copyOf(modules);
    }
}
