package io.factum.processor.upcast;

import com.palantir.javapoet.ClassName;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The upcasters generated so far in this compilation, by the step of a chain each one makes. */
final class UpcasterRegistry {

    /** One step of a chain: stored name and the version it starts from. */
    record StepKey(String storedName, int fromVersion) {

        static StepKey of(UpcasterModel model) {
            return new StepKey(model.storedName(), model.fromVersion());
        }
    }

    private static final Comparator<StepKey> BY_NAME_THEN_VERSION =
            Comparator.comparing(StepKey::storedName).thenComparingInt(StepKey::fromVersion);

    private final Map<StepKey, UpcasterModel> steps = new TreeMap<>(BY_NAME_THEN_VERSION);
    /** The method each step was generated from, as messages show it. */
    private final Map<StepKey, String> methods = new HashMap<>();
    /** Generated upcaster class → the record it upcasts. */
    private final Map<ClassName, ClassName> generatedFrom = new HashMap<>();

    void register(UpcasterModel model) {
        steps.put(StepKey.of(model), model);
        methods.put(StepKey.of(model), model.method());
        generatedFrom.put(model.upcasterClass(), model.fromRecord());
    }

    /** The method that makes step {@code key}, or null. */
    String methodOf(StepKey key) {
        return methods.get(key);
    }

    /** The record whose upcaster is {@code upcasterClass}, or null. */
    ClassName recordOf(ClassName upcasterClass) {
        return generatedFrom.get(upcasterClass);
    }

    boolean contains(StepKey key) {
        return steps.containsKey(key);
    }

    /** Sorted by stored name, then version. */
    List<UpcasterModel> all() {
        return List.copyOf(steps.values());
    }
}
