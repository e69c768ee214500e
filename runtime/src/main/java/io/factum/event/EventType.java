package io.factum.event;

import java.util.Objects;

/**
 * One stored event type: its stored name and schema version, the record class that holds it,
 * and the codec that reads and writes it. The processor generates one per {@code @Event} record.
 */
public record EventType<E>(String name, int version, Class<E> javaType, EventCodec<E> codec) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(codec, "codec");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("event type name must not be empty");
        }
        if (version < 1) {
            throw new IllegalArgumentException("schema version of " + name + " must be >= 1, was " + version);
        }
    }

    /** {@code name} + {@code "@v"} + {@code version}, as used in messages. */
    public String label() {
        return name + " v" + version;
    }
}
