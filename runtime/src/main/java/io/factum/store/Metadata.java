package io.factum.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What an envelope says about an event besides its payload: the correlation id (the
 * conversation the event belongs to), the causation id (the message that caused it) and
 * free-form string headers. Immutable.
 */
public record Metadata(UUID correlationId, UUID causationId, Map<String, String> headers) {

    public static final Metadata EMPTY = new Metadata(null, null, Map.of());

    public Metadata {
        headers = headers == null || headers.isEmpty() ? Map.of() : Map.copyOf(new TreeMap<>(headers));
    }

    /** No correlation, no causation, no headers. */
    public static Metadata empty() {
        return EMPTY;
    }

    /** A copy with this correlation id (the conversation the event belongs to); null clears it. */
    public Metadata withCorrelationId(UUID id) {
        return new Metadata(id, causationId, headers);
    }

    /** A copy with this causation id (the id of the event or command that caused it); null clears it. */
    public Metadata withCausationId(UUID id) {
        return new Metadata(correlationId, id, headers);
    }

    /** A copy with header {@code name} set to {@code value}, replacing any value it had. */
    public Metadata withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new TreeMap<>(headers);
        copy.put(name, value);
        return new Metadata(correlationId, causationId, copy);
    }

    /**
     * Metadata for an event caused by {@code cause} (an {@code EventEnvelope} or a {@link StoredEvent}): same
     * correlation (or the cause's own id when it starts a conversation), causation = the cause's event id.
     */
    public static Metadata causedBy(Cause cause) {
        UUID correlation = cause.metadata().correlationId() != null ? cause.metadata().correlationId() : cause.eventId();
        return new Metadata(correlation, cause.eventId(), Map.of());
    }

    /** Whether there is no correlation, causation or header. */
    public boolean isEmpty() {
        return correlationId == null && causationId == null && headers.isEmpty();
    }
}
