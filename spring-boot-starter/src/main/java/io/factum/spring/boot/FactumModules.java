package io.factum.spring.boot;

import io.factum.ServiceEntries;
import io.factum.spi.FactumModule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The generated {@link FactumModule}s the application's class loader sees, found by {@link ServiceLoader}
 * (each module's {@code META-INF/services} entry), sorted by class name so start-up is deterministic.
 *
 * @param modules the modules
 */
public record FactumModules(List<FactumModule> modules) {

    public FactumModules {
        modules = List.copyOf(modules);
    }

    /**
     * The modules {@code loader} lists.
     *
     * @throws IllegalStateException if two different jars list a module of the same class name (ServiceLoader
     *                               would load only one of them), as {@code EventTypeRegistry.load()} does
     */
    public static FactumModules load(ClassLoader loader) {
        ServiceEntries.requireDistinctClasses(loader, FactumModule.class);
        List<FactumModule> found = new ArrayList<>();
        ServiceLoader.load(FactumModule.class, loader).forEach(found::add);
        found.sort(Comparator.comparing(module -> module.getClass().getName()));
        return new FactumModules(found);
    }
}
