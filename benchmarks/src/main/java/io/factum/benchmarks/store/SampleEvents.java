package io.factum.benchmarks.store;

import io.factum.benchmarks.domain.ItemAdded;
import io.factum.benchmarks.domain.ItemAddedCodec;
import io.factum.benchmarks.domain.OrderLine;
import io.factum.codec.Json;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Encoded events to append, for one writer thread: the same realistic payload each time, a fresh
 * event id per event (random high bits per writer, a counter below, so ids are unique without the
 * cost of {@link UUID#randomUUID()} in the measured loop).
 */
public final class SampleEvents {

    private static final byte[] PAYLOAD = Json.encode(ItemAddedCodec.INSTANCE, new ItemAdded(
            UUID.fromString("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b"), new OrderLine("SKU-4711", 3, new BigDecimal("9.95"))));
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-26T08:00:00.123456Z");

    private final long writerBits = ThreadLocalRandom.current().nextLong();
    private long counter;

    /** A stream id no other writer uses. */
    public String newStreamId() {
        return "Order-" + new UUID(writerBits, counter++);
    }

    public List<NewEvent> next(int count) {
        List<NewEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new NewEvent(new UUID(writerBits, counter++), "ItemAdded", 1, OCCURRED_AT, Metadata.empty(), PAYLOAD));
        }
        return events;
    }
}
