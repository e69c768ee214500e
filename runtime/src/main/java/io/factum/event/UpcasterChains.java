package io.factum.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The upcasters of a registry, checked to form one chain per stored name: every version below the
 * current one has exactly one upcaster, to the very next version. Built once; read concurrently.
 */
final class UpcasterChains {

    /** One step of a chain: the upcaster and the type it produces. */
    record Step(Upcaster<?, ?> upcaster, EventType<?> target) {}

    private final Map<EventType<?>, Step> stepFrom;
    private final Map<String, EventType<?>> currentByName;

    private UpcasterChains(Map<EventType<?>, Step> stepFrom, Map<String, EventType<?>> currentByName) {
        this.stepFrom = Map.copyOf(stepFrom);
        this.currentByName = Map.copyOf(currentByName);
    }

    /**
     * Checks {@code upcasters} against {@code types} and links them.
     *
     * @throws UpcasterChainException naming the stored name, version and fix of the first problem found
     */
    static UpcasterChains build(Collection<EventType<?>> types, Map<Class<?>, EventType<?>> byClass,
                                Collection<? extends Upcaster<?, ?>> upcasters) {
        Map<EventType<?>, Step> stepFrom = new HashMap<>();
        for (Upcaster<?, ?> upcaster : upcasters) {
            EventType<?> from = registered(byClass, upcaster, upcaster.from());
            EventType<?> to = registered(byClass, upcaster, upcaster.to());
            if (!from.name().equals(to.name()) || to.version() != from.version() + 1) {
                throw new UpcasterChainException(from.name(), from.version(), describe(upcaster) + " goes from "
                        + from.label() + " to " + to.label() + "; an upcaster turns version N of one stored name into "
                        + "version N + 1 of the same name");
            }
            Step previous = stepFrom.putIfAbsent(from, new Step(upcaster, to));
            if (previous != null) {
                throw new UpcasterChainException(from.name(), from.version(), "Two upcasters turn " + from.label()
                        + " into v" + to.version() + ": " + describe(previous.upcaster()) + " and " + describe(upcaster)
                        + "; keep one (are two modules declaring the same upcaster?)");
            }
        }

        // Sorted, so that the first problem reported does not depend on hash order.
        Map<String, TreeMap<Integer, EventType<?>>> versionsByName = new TreeMap<>();
        for (EventType<?> type : types) {
            versionsByName.computeIfAbsent(type.name(), name -> new TreeMap<>()).put(type.version(), type);
        }
        Map<String, EventType<?>> currentByName = new HashMap<>();
        for (Map.Entry<String, TreeMap<Integer, EventType<?>>> entry : versionsByName.entrySet()) {
            TreeMap<Integer, EventType<?>> versions = entry.getValue();
            EventType<?> current = versions.lastEntry().getValue();
            currentByName.put(entry.getKey(), current);
            for (EventType<?> old : versions.headMap(current.version()).values()) {
                if (!versions.containsKey(old.version() + 1)) {
                    throw new UpcasterChainException(old.name(), old.version() + 1, "Event " + old.name()
                            + " has versions " + new TreeSet<>(versions.keySet()) + " but no v" + (old.version() + 1)
                            + ": register the module that declares it, or renumber the versions without gaps");
                }
                if (!stepFrom.containsKey(old)) {
                    throw new UpcasterChainException(old.name(), old.version(), "No upcaster turns " + old.label()
                            + " (" + old.javaType().getName() + ") into v" + (old.version() + 1) + ", but the current"
                            + " version is v" + current.version() + "; register the module that declares its @Upcast method");
                }
            }
        }
        return new UpcasterChains(stepFrom, currentByName);
    }

    /** The next step from {@code type}, or null if {@code type} is the current version of its name. */
    Step stepFrom(EventType<?> type) {
        return stepFrom.get(type);
    }

    /** The current (highest) version of {@code name}, or null if the name is unknown. */
    EventType<?> current(String name) {
        return currentByName.get(name);
    }

    private static EventType<?> registered(Map<Class<?>, EventType<?>> byClass, Upcaster<?, ?> upcaster, Class<?> type) {
        EventType<?> eventType = byClass.get(type);
        if (eventType == null) {
            throw new UpcasterChainException(null, 0, describe(upcaster) + " refers to " + type.getName()
                    + ", which is not a registered event type; register the module that declares it");
        }
        return eventType;
    }

    private static String describe(Upcaster<?, ?> upcaster) {
        return "Upcaster " + upcaster.getClass().getName() + " (" + upcaster.from().getName()
                + " -> " + upcaster.to().getName() + ")";
    }
}
