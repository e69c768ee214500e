package io.factum.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.event.VersionedOrderEvents.OrderCreated;
import io.factum.event.VersionedOrderEvents.OrderCreatedV1;
import io.factum.event.VersionedOrderEvents.OrderCreatedV2;
import io.factum.store.EventStore;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A store-independent check that a stream holding three schema versions of one event reads back as
 * the current version: old payloads go through the store unchanged and are upcast on decode. Every
 * store runs it from the contract suite:
 *
 * <pre>{@code
 * @Test
 * void aMixedVersionStreamReadsAsTheCurrentVersion() {
 *     MixedVersionStreams.check(store);
 * }
 * }</pre>
 */
public final class MixedVersionStreams {
    private MixedVersionStreams() {}

    /** Appends v1, v2, v3 and v1 events of OrderCreated to stream {@code Order-mixed}, reads them back and checks them. */
    public static void check(EventStore store) {
        EventTypeRegistry registry = VersionedOrderEvents.registry();
        String stream = "Order-mixed";
        store.append(stream, ExpectedRevision.noStream(), List.of(
                registry.encode(new OrderCreatedV1("o-1", "Ada <ada@example.com>"), Metadata.empty()),
                registry.encode(new OrderCreatedV2("o-2", "Grace", "grace@example.com"), Metadata.empty()),
                registry.encode(new OrderCreated("o-3", "Alan", null, "phone"), Metadata.empty()),
                registry.encode(new OrderCreatedV1("o-4", "Barbara"), Metadata.empty())));

        List<StoredEvent> stored = store.readStream(stream, 0, 10);
        List<Integer> storedVersions = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        for (StoredEvent event : stored) {
            EventEnvelope<Object> envelope = registry.envelope(event);
            storedVersions.add(envelope.schemaVersion());
            payloads.add(envelope.payload());
        }

        assertThat(storedVersions).containsExactly(1, 2, 3, 1);
        assertThat(payloads).containsExactly(
                new OrderCreated("o-1", "Ada", "ada@example.com", "web"),
                new OrderCreated("o-2", "Grace", "grace@example.com", "web"),
                new OrderCreated("o-3", "Alan", null, "phone"),
                new OrderCreated("o-4", "Barbara", null, "web"));
    }
}
