package io.factum.benchmarks.replay;

import io.factum.benchmarks.codec.JacksonPeer;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.event.EventTypeRegistry;
import io.factum.event.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.ObjectReader;

/** A stream of stored events, as an event store would return it, for the replay-from-JSON benchmarks. */
final class SampleStream {

    private SampleStream() {}

    /** The events as a store returns them, encoded by Factum's generated codecs (byte for byte what JsonMapper writes). */
    static List<StoredEvent> stored(EventTypeRegistry registry, List<OrderEvent> events) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        Instant occurredAt = Instant.parse("2026-11-26T08:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            NewEvent encoded = registry.encode(new UUID(0, i + 1), occurredAt.plusMillis(i), event, Metadata.empty());
            stored.add(new StoredEvent(encoded.eventId(), "Order-" + event.orderId(), i, i + 1, encoded.type(),
                    encoded.schemaVersion(), encoded.occurredAt(), encoded.metadata(), encoded.payload()));
        }
        return stored;
    }

    static Map<String, ObjectReader> jsonMapperReaders() {
        return new HashMap<>(JacksonPeer.readersByTypeName());
    }
}
