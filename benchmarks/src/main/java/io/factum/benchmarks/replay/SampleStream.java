package io.factum.benchmarks.replay;

import io.factum.benchmarks.codec.JacksonPeer;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.event.Metadata;
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

    static List<StoredEvent> stored(List<OrderEvent> events) {
        List<StoredEvent> stored = new ArrayList<>(events.size());
        Instant occurredAt = Instant.parse("2026-11-26T08:00:00Z");
        for (int i = 0; i < events.size(); i++) {
            OrderEvent event = events.get(i);
            byte[] payload = JacksonPeer.MAPPER.writeValueAsBytes(event);
            stored.add(new StoredEvent(new UUID(0, i + 1), "Order-" + event.orderId(), i, i + 1,
                    event.getClass().getSimpleName(), 1, occurredAt.plusMillis(i), Metadata.empty(), payload));
        }
        return stored;
    }

    static Map<String, ObjectReader> jsonMapperReaders() {
        return new HashMap<>(JacksonPeer.readersByTypeName());
    }
}
