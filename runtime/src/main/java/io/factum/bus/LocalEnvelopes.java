package io.factum.bus;

import io.factum.event.EventEnvelope;
import io.factum.store.Metadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Envelopes for domain events that are published without being stored.
 *
 * <p>A bus delivers envelopes, but an event raised by an aggregate in a service without an event
 * store has none. These envelopes are recognisable: the stream id starts with {@value #STREAM_PREFIX}
 * followed by a random UUID, the global position is {@link #NOT_STORED}, the type is the record's
 * simple class name (no registry is consulted), the schema version is 1 and the metadata is empty.
 * Events wrapped together share one synthetic stream, with revisions 0, 1, 2... in list order.
 */
public final class LocalEnvelopes {

    /** Prefix of the synthetic stream ids. */
    public static final String STREAM_PREFIX = "local-";

    /** The global position of an event that is not in any store. */
    public static final long NOT_STORED = -1;

    private LocalEnvelopes() {}

    /** Wraps one event in a new synthetic stream, at revision 0. */
    public static <E> EventEnvelope<E> of(E event) {
        return wrap(newStreamId(), 0, Instant.now(), requireEvent(event, 0));
    }

    /** Wraps the events, in order, in one new synthetic stream. */
    public static List<EventEnvelope<?>> ofAll(List<?> events) {
        if (events == null) {
            throw new IllegalArgumentException("events must not be null (use an empty list)");
        }
        String streamId = newStreamId();
        Instant now = Instant.now();
        List<EventEnvelope<?>> envelopes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            envelopes.add(wrap(streamId, i, now, requireEvent(events.get(i), i)));
        }
        return envelopes;
    }

    /** Whether {@code envelope} was made here rather than read from a store. */
    public static boolean isLocal(EventEnvelope<?> envelope) {
        return envelope.globalPosition() == NOT_STORED && envelope.streamId().startsWith(STREAM_PREFIX);
    }

    private static <E> EventEnvelope<E> wrap(String streamId, long revision, Instant now, E event) {
        return new EventEnvelope<>(UUID.randomUUID(), streamId, revision, NOT_STORED, typeName(event), 1, now,
                Metadata.empty(), event);
    }

    private static String typeName(Object event) {
        String simple = event.getClass().getSimpleName();
        return simple.isEmpty() ? event.getClass().getName() : simple;
    }

    private static String newStreamId() {
        return STREAM_PREFIX + UUID.randomUUID();
    }

    private static <E> E requireEvent(E event, int index) {
        if (event == null) {
            throw new IllegalArgumentException("Cannot publish a null event (at index " + index + ")");
        }
        return event;
    }
}
