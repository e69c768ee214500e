package io.factum.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An encoded event about to be appended. The store assigns the stream revision and the
 * global position; everything else is kept as given.
 *
 * @param eventId       unique id; appending an id that is already stored at the same place is an idempotent no-op
 * @param type          stored type name
 * @param schemaVersion schema version of {@code payload}
 * @param occurredAt    when the event was recorded
 * @param metadata      correlation, causation and headers
 * @param payload       the JSON bytes the generated codec wrote (UTF-8)
 */
public record NewEvent(UUID eventId, String type, int schemaVersion, Instant occurredAt, Metadata metadata, byte[] payload) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
        if (type.isEmpty()) {
            throw new IllegalArgumentException("event type must not be empty");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schema version must be >= 1, was " + schemaVersion);
        }
    }
}
