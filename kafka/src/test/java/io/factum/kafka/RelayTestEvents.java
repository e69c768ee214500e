package io.factum.kafka;

import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Appends test events with JSON payloads the relay passes through untouched. */
final class RelayTestEvents {

    private RelayTestEvents() {}

    static NewEvent event(String type, String json) {
        return new NewEvent(UUID.randomUUID(), type, 1, Instant.now(), Metadata.empty(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code count} events to {@code stream}, one append each, numbered in their payloads. */
    static void append(EventStore store, String stream, String type, int count) {
        for (int i = 0; i < count; i++) {
            store.append(stream, ExpectedRevision.any(), List.of(event(type, "{\"n\":" + i + "}")));
        }
    }

    /** Appends {@code perAppend} events to {@code stream} in one append. */
    static void appendBatch(EventStore store, String stream, String type, int perAppend) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < perAppend; i++) {
            events.add(event(type, "{\"i\":" + i + "}"));
        }
        store.append(stream, ExpectedRevision.any(), events);
    }
}
