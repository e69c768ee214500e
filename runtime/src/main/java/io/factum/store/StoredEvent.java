package io.factum.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the store holds it: envelope fields plus the encoded payload, not yet decoded.
 * Decoding happens in {@link io.factum.event.EventTypeRegistry}, so every store shares one
 * decoding path and one set of errors.
 */
public record StoredEvent(
        UUID eventId,
        String streamId,
        long streamRevision,
        long globalPosition,
        String type,
        int schemaVersion,
        Instant occurredAt,
        Metadata metadata,
        byte[] payload) implements Cause {}
