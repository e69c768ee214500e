package io.factum.benchmarks.replay;

import io.factum.aggregate.AggregateRepository;
import io.factum.benchmarks.codec.JacksonPeer;
import io.factum.benchmarks.domain.Order;
import io.factum.benchmarks.domain.OrderAggregateType;
import io.factum.benchmarks.domain.OrderEvent;
import io.factum.event.EventTypeRegistry;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.ObjectReader;

/**
 * The replay benchmarks' stream as stored events: as an event store returns them (for the replay-from-JSON
 * benchmarks) and in an in-memory store behind a repository (for the repository loads, here and in
 * {@code benchmarks-axon5}).
 */
public final class SampleStream {

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

    /** A repository over an in-memory store that holds {@code events} as the stream of order {@code orderId}. */
    public static AggregateRepository<Order, OrderEvent> factumRepository(
            EventTypeRegistry registry, List<OrderEvent> events, String orderId) {
        InMemoryEventStore store = new InMemoryEventStore();
        List<NewEvent> encoded = new ArrayList<>(events.size());
        for (OrderEvent event : events) {
            encoded.add(registry.encode(event, Metadata.empty()));
        }
        store.append(OrderAggregateType.INSTANCE.streamId(orderId), ExpectedRevision.noStream(), encoded);
        return new AggregateRepository<>(store, registry, OrderAggregateType.INSTANCE);
    }

    static Map<String, ObjectReader> jsonMapperReaders() {
        return new HashMap<>(JacksonPeer.readersByTypeName());
    }
}
