package io.factum.event;

import io.factum.ServiceEntries;
import io.factum.store.NewEvent;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Stored name and schema version ↔ record class ↔ codec, for every known event type.
 *
 * <p>The stored type name is the only thing that selects a class on read: payloads carry no
 * type information and no class is ever looked up by name.
 *
 * <p>A stored name may have several schema versions; the highest is the <em>current</em> one.
 * {@link #decode} reads an older version with its own codec and then applies the generated
 * {@link Upcaster}s one version at a time, so callers only ever see current versions. The chains are
 * checked when the registry is built ({@link UpcasterChainException}).
 */
public final class EventTypeRegistry {

    private final Map<String, EventType<?>> byNameAndVersion;
    private final Map<Class<?>, EventType<?>> byClass;
    private final UpcasterChains upcasters;
    /** The modules the types came from, by class name, for messages; null for a registry of bare types. */
    private final List<String> modules;

    private EventTypeRegistry(Collection<? extends EventType<?>> types, Collection<? extends Upcaster<?, ?>> upcasters) {
        this(types, upcasters, Map.of(), null);
    }

    private EventTypeRegistry(Collection<? extends EventType<?>> types, Collection<? extends Upcaster<?, ?>> upcasters,
                              Map<EventType<?>, String> moduleOf, List<String> modules) {
        Map<String, EventType<?>> byKey = new HashMap<>();
        Map<Class<?>, EventType<?>> classes = new HashMap<>();
        for (EventType<?> type : types) {
            EventType<?> previous = byKey.putIfAbsent(key(type.name(), type.version()), type);
            if (previous != null && !previous.javaType().equals(type.javaType())) {
                throw new IllegalArgumentException("Two event types are stored as " + type.label() + ": "
                        + previous.javaType().getName() + from(moduleOf.get(previous)) + " and "
                        + type.javaType().getName() + from(moduleOf.get(type))
                        + "; give one a different @Event(name = ...) or version");
            }
            classes.putIfAbsent(type.javaType(), type);
        }
        this.byNameAndVersion = Map.copyOf(byKey);
        this.byClass = Map.copyOf(classes);
        this.upcasters = UpcasterChains.build(byNameAndVersion.values(), byClass, upcasters);
        this.modules = modules == null ? null : List.copyOf(modules);
    }

    private static String from(String module) {
        return module == null ? "" : " (module " + module + ")";
    }

    /**
     * A registry of the given modules' event types and upcasters (a generated {@code FactumModule} is an
     * {@link EventTypeProvider}).
     *
     * @throws UpcasterChainException if an old version of an event cannot be upcast to the current one
     */
    public static EventTypeRegistry of(EventTypeProvider... modules) {
        return ofModules(List.of(modules));
    }

    /**
     * A registry of every module that {@code loader} finds with {@link ServiceLoader}: every
     * {@link EventTypeProvider} listed in {@code META-INF/services/io.factum.event.EventTypeProvider}, where the
     * processor lists each generated {@code FactumModule}.
     *
     * @throws IllegalStateException if two different jars register a module of the same class name
     *                               (ServiceLoader would load only one of them)
     */
    public static EventTypeRegistry load(ClassLoader loader) {
        ServiceEntries.requireDistinctClasses(loader, EventTypeProvider.class);
        List<EventTypeProvider> modules = new ArrayList<>();
        ServiceLoader.load(EventTypeProvider.class, loader).forEach(modules::add);
        return ofModules(modules);
    }

    /** A registry of every module on the class path, found with {@link ServiceLoader}. */
    public static EventTypeRegistry load() {
        return load(EventTypeRegistry.class.getClassLoader());
    }

    private static EventTypeRegistry ofModules(List<? extends EventTypeProvider> modules) {
        List<EventType<?>> types = new ArrayList<>();
        List<Upcaster<?, ?>> upcasters = new ArrayList<>();
        Map<EventType<?>, String> moduleOf = new IdentityHashMap<>();
        List<String> names = new ArrayList<>();
        for (EventTypeProvider module : modules) {
            names.add(module.getClass().getName());
            for (EventType<?> type : module.eventTypes()) {
                types.add(type);
                moduleOf.putIfAbsent(type, module.getClass().getName());
            }
            upcasters.addAll(module.upcasters());
        }
        return new EventTypeRegistry(types, upcasters, moduleOf, names);
    }

    /** A registry of exactly these event types, without upcasters: each stored name must have one version only. */
    public static EventTypeRegistry ofTypes(Collection<? extends EventType<?>> types) {
        return new EventTypeRegistry(types, List.of());
    }

    /**
     * A registry of exactly these event types and upcasters.
     *
     * @throws UpcasterChainException if an old version of an event cannot be upcast to the current one
     */
    public static EventTypeRegistry ofTypes(Collection<? extends EventType<?>> types,
                                            Collection<? extends Upcaster<?, ?>> upcasters) {
        return new EventTypeRegistry(types, upcasters);
    }

    /** All registered types. */
    public Collection<EventType<?>> types() {
        return byNameAndVersion.values();
    }

    /** The type stored as {@code name} at {@code version}, or null. */
    public EventType<?> find(String name, int version) {
        return byNameAndVersion.get(key(name, version));
    }

    /**
     * The current schema version of stored name {@code name}: the highest version registered.
     * Events stored at any other version are upcast to it by {@link #decode}.
     *
     * @throws UnknownEventTypeException if no registered module declares {@code name}
     */
    public int currentVersion(String name) {
        EventType<?> current = upcasters.current(name);
        if (current == null) {
            throw new UnknownEventTypeException("No event type is stored as " + name
                    + ": is the generated FactumModule that declares it registered?" + modulesFound());
        }
        return current.version();
    }

    /**
     * The event type of a record class.
     *
     * @throws UnknownEventTypeException if the class is not a registered {@code @Event} record
     */
    @SuppressWarnings("unchecked")
    public <E> EventType<E> typeOf(Class<E> eventClass) {
        EventType<?> type = byClass.get(eventClass);
        if (type == null) {
            throw new UnknownEventTypeException("No event type is registered for " + eventClass.getName()
                    + ": annotate it with @Event and make sure its module's generated FactumModule is registered"
                    + modulesFound());
        }
        return (EventType<E>) type;
    }

    /** Encodes an event record as a new event with a fresh id, recorded now. */
    public NewEvent encode(Object event, Metadata metadata) {
        return encode(UUID.randomUUID(), Instant.now(), event, metadata);
    }

    /**
     * Encodes an event record as a new event with the given id and time.
     *
     * @throws IllegalArgumentException if {@code event} is null
     * @throws UnknownEventTypeException if its class is not a registered {@code @Event} record
     */
    public NewEvent encode(UUID eventId, Instant occurredAt, Object event, Metadata metadata) {
        if (event == null) {
            throw new IllegalArgumentException("Cannot encode a null event: pass the @Event record to store");
        }
        EventType<?> type = typeOf(event.getClass());
        return new NewEvent(eventId, type.name(), type.version(), occurredAt, metadata, encodePayload(type, event));
    }

    @SuppressWarnings("unchecked")
    private static <E> byte[] encodePayload(EventType<E> type, Object event) {
        return EventJson.encode(type.codec(), (E) event);
    }

    /**
     * Decodes a stored event's payload with the codec of the version it was stored with, then
     * upcasts it step by step to the current version of its stored name.
     *
     * @return a record of the current version, whatever version was stored
     * @throws UnknownEventTypeException when no type is registered for its name and version (e.g. a
     *                                   version newer than this code knows)
     * @throws EventDecodingException    when the payload does not decode or an upcaster fails; the error
     *                                   names stream, revision, position and type
     */
    public Object decode(StoredEvent event) {
        EventType<?> type = find(event.type(), event.schemaVersion());
        if (type == null) {
            throw new UnknownEventTypeException(event, describeKnownVersions(event));
        }
        Object value;
        try {
            value = EventJson.decode(type.codec(), event.payload(), event.type());
        } catch (EventDecodingException e) {
            throw e.at(event);
        }
        for (UpcasterChains.Step step = upcasters.stepFrom(type); step != null; step = upcasters.stepFrom(type)) {
            value = upcast(step, type, value, event);
            type = step.target();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object upcast(UpcasterChains.Step step, EventType<?> from, Object value, StoredEvent event) {
        Upcaster<Object, ?> upcaster = (Upcaster<Object, ?>) step.upcaster();
        String what = "upcasting from v" + from.version() + " to v" + step.target().version()
                + " with " + upcaster.getClass().getName();
        Object next;
        try {
            next = upcaster.upcast(value);
        } catch (RuntimeException e) {
            throw new EventDecodingException(from.name(), null, what + " failed: " + e, e).at(event);
        }
        if (!step.target().javaType().isInstance(next)) {
            throw new EventDecodingException(from.name(), null, what + " returned "
                    + (next == null ? "null" : "a " + next.getClass().getName())
                    + " instead of a " + step.target().javaType().getName()).at(event);
        }
        return next;
    }

    /** Decodes a stored event into an envelope. */
    public EventEnvelope<Object> envelope(StoredEvent event) {
        return new EventEnvelope<>(event.eventId(), event.streamId(), event.streamRevision(), event.globalPosition(),
                event.type(), event.schemaVersion(), event.occurredAt(), event.metadata(), decode(event));
    }

    private String describeKnownVersions(StoredEvent event) {
        EventType<?> current = upcasters.current(event.type());
        if (current == null) {
            return "no registered module declares this stored name (is its generated FactumModule registered?)"
                    + modulesFound();
        }
        List<Integer> versions = new ArrayList<>();
        for (EventType<?> type : byNameAndVersion.values()) {
            if (type.name().equals(event.type())) {
                versions.add(type.version());
            }
        }
        versions.sort(null);
        if (event.schemaVersion() > current.version()) {
            return "the newest version this code knows is v" + current.version() + " (known versions " + versions
                    + "); the event was written by a newer release: deploy code that declares v" + event.schemaVersion()
                    + " before reading it";
        }
        return "known versions are " + versions + "; the module that declares v" + event.schemaVersion()
                + " and its upcaster is not registered";
    }

    /** What was registered, so that a missing module shows: " Registered modules: [a.AFactumModule, ...]". */
    private String modulesFound() {
        if (modules == null) {
            return "";
        }
        return modules.isEmpty() ? " No FactumModule is registered at all." : " Registered modules: " + modules + ".";
    }

    private static String key(String name, int version) {
        return name + '\u0000' + version;
    }
}
