package io.factum.store;

import java.util.UUID;

/**
 * A recorded event as the cause of new ones: its id and its metadata, all that
 * {@link Metadata#causedBy(Cause)} needs. {@link StoredEvent} and {@code io.factum.event.EventEnvelope} are causes.
 */
public interface Cause {

    /** The unique id of the recorded event. */
    UUID eventId();

    /** Its correlation, causation and headers. */
    Metadata metadata();
}
