package io.factum.event;

import io.factum.store.Cause;
import io.factum.store.Metadata;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded event: the decoded payload together with everything the store knows about it.
 *
 * @param eventId        unique id of this event, assigned when it was recorded; the key of idempotent appends
 * @param streamId       the stream the event belongs to ({@code Order-42})
 * @param streamRevision 0-based position of the event inside its stream
 * @param globalPosition position in the store-wide order; increasing, not necessarily contiguous
 * @param type           the stored type name
 * @param schemaVersion  the schema version the payload was <em>stored</em> with (the payload itself
 *                       is always the current version, after upcasting); unrelated to the revision
 * @param occurredAt     when the event was recorded
 * @param metadata       correlation, causation and headers
 * @param payload        the event record
 */
public record EventEnvelope<E>(
        UUID eventId,
        String streamId,
        long streamRevision,
        long globalPosition,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Metadata metadata,
        E payload) implements Cause {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(payload, "payload");
    }
}
