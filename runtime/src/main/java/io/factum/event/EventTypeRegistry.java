package io.factum.event;

import io.factum.codec.Json;
import io.factum.spi.FactumModule;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Stored name and schema version ↔ record class ↔ codec, for every known event type.
 *
 * <p>The stored type name is the only thing that selects a class on read: payloads carry no
 * type information and no class is ever looked up by name.
 */
public final class EventTypeRegistry {

    private final Map<String, EventType<?>> byNameAndVersion;
    private final Map<Class<?>, EventType<?>> byClass;

    private EventTypeRegistry(Collection<? extends EventType<?>> types) {
        Map<String, EventType<?>> byKey = new HashMap<>();
        Map<Class<?>, EventType<?>> classes = new HashMap<>();
        for (EventType<?> type : types) {
            EventType<?> previous = byKey.putIfAbsent(key(type.name(), type.version()), type);
            if (previous != null && !previous.javaType().equals(type.javaType())) {
                throw new IllegalArgumentException("Two event types are stored as " + type.label() + ": "
                        + previous.javaType().getName() + " and " + type.javaType().getName()
                        + "; give one a different @Event(name = ...) or version");
            }
            classes.putIfAbsent(type.javaType(), type);
        }
        this.byNameAndVersion = Map.copyOf(byKey);
        this.byClass = Map.copyOf(classes);
    }

    /** A registry of the given modules' event types. */
    public static EventTypeRegistry of(FactumModule... modules) {
        List<EventType<?>> types = new ArrayList<>();
        for (FactumModule module : modules) {
            types.addAll(module.eventTypes());
        }
        return new EventTypeRegistry(types);
    }

    /** A registry of exactly these event types. */
    public static EventTypeRegistry ofTypes(Collection<? extends EventType<?>> types) {
        return new EventTypeRegistry(types);
    }

    /** A registry of every module on the class path, found with {@link ServiceLoader}. */
    public static EventTypeRegistry load() {
        return load(EventTypeRegistry.class.getClassLoader());
    }

    /** A registry of every module that {@code loader} finds with {@link ServiceLoader}. */
    public static EventTypeRegistry load(ClassLoader loader) {
        List<EventType<?>> types = new ArrayList<>();
        for (FactumModule module : ServiceLoader.load(FactumModule.class, loader)) {
            types.addAll(module.eventTypes());
        }
        return new EventTypeRegistry(types);
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
     * The event type of a record class.
     *
     * @throws UnknownEventTypeException if the class is not a registered {@code @Event} record
     */
    @SuppressWarnings("unchecked")
    public <E> EventType<E> typeOf(Class<E> eventClass) {
        EventType<?> type = byClass.get(eventClass);
        if (type == null) {
            throw new UnknownEventTypeException("No event type is registered for " + eventClass.getName()
                    + ": annotate it with @Event and make sure its module's generated FactumModule is registered");
        }
        return (EventType<E>) type;
    }

    /** Encodes an event record as a new event with a fresh id, recorded now. */
    public NewEvent encode(Object event, Metadata metadata) {
        return encode(UUID.randomUUID(), Instant.now(), event, metadata);
    }

    /** Encodes an event record as a new event with the given id and time. */
    public NewEvent encode(UUID eventId, Instant occurredAt, Object event, Metadata metadata) {
        EventType<?> type = typeOf(event.getClass());
        return new NewEvent(eventId, type.name(), type.version(), occurredAt, metadata, encodePayload(type, event));
    }

    @SuppressWarnings("unchecked")
    private static <E> byte[] encodePayload(EventType<E> type, Object event) {
        return Json.encode(type.codec(), (E) event);
    }

    /**
     * Decodes a stored event's payload.
     *
     * @throws UnknownEventTypeException when no type is registered for its name and version
     * @throws EventDecodingException    when the payload does not decode; the error names stream, revision, position and type
     */
    public Object decode(StoredEvent event) {
        EventType<?> type = find(event.type(), event.schemaVersion());
        if (type == null) {
            throw new UnknownEventTypeException(event, describeKnownVersions(event.type()));
        }
        return Json.decode(type.codec(), event);
    }

    /** Decodes a stored event into an envelope. */
    public EventEnvelope<Object> envelope(StoredEvent event) {
        return new EventEnvelope<>(event.eventId(), event.streamId(), event.streamRevision(), event.globalPosition(),
                event.type(), event.schemaVersion(), event.occurredAt(), event.metadata(), decode(event));
    }

    private String describeKnownVersions(String name) {
        List<Integer> versions = new ArrayList<>();
        for (EventType<?> type : byNameAndVersion.values()) {
            if (type.name().equals(name)) {
                versions.add(type.version());
            }
        }
        if (versions.isEmpty()) {
            return "no registered module declares this stored name (is its generated FactumModule registered?)";
        }
        versions.sort(null);
        return "known versions are " + versions;
    }

    private static String key(String name, int version) {
        return name + '\u0000' + version;
    }
}
