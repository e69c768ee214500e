package io.factum.codec;

import static io.factum.event.VersionedOrderEvents.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.event.UnknownEventTypeException;
import io.factum.event.VersionedOrderEvents;
import io.factum.event.VersionedOrderEvents.OrderCreated;
import io.factum.event.VersionedOrderEvents.OrderCreatedV2;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Json#decode(io.factum.event.EventCodec, int, Class, StoredEvent, EventTypeRegistry)}, which generated replay calls. */
class JsonReplayDecodeTest {

    private static StoredEvent stored(int version, String json) {
        return new StoredEvent(UUID.randomUUID(), "Order-1", 4, 104, NAME, version, Instant.EPOCH, Metadata.empty(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCurrentVersionIsDecodedWithTheCodecWithoutTheRegistry() {
        // an empty registry would reject the event if it were asked
        EventTypeRegistry empty = EventTypeRegistry.ofTypes(List.of(), List.of());

        OrderCreated event = Json.decode(VersionedOrderEvents.V3.codec(), 3, OrderCreated.class,
                stored(3, "{\"orderId\":\"o-1\",\"customerName\":\"Ada\",\"channel\":\"phone\"}"), empty);

        assertThat(event).isEqualTo(new OrderCreated("o-1", "Ada", null, "phone"));
    }

    @Test
    void anOlderVersionIsUpcastByTheRegistry() {
        OrderCreated event = Json.decode(VersionedOrderEvents.V3.codec(), 3, OrderCreated.class,
                stored(1, "{\"orderId\":\"o-1\",\"customer\":\"Ada <ada@example.com>\"}"), VersionedOrderEvents.registry());

        assertThat(event).isEqualTo(new OrderCreated("o-1", "Ada", "ada@example.com", "web"));
    }

    @Test
    void aVersionNewerThanTheCodeIsATypedErrorSayingWhere() {
        assertThatThrownBy(() -> Json.decode(VersionedOrderEvents.V3.codec(), 3, OrderCreated.class,
                stored(4, "{\"orderId\":\"o-1\"}"), VersionedOrderEvents.registry()))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.type()).isEqualTo(NAME);
                    assertThat(e.version()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("stream 'Order-1' revision 4 (global position 104)");
                });
    }

    @Test
    void aRegistryWhoseCurrentRecordIsAnotherClassIsATypedError() {
        // this code's current version is v2, but the registry (newer modules) upcasts v1 on to v3
        assertThatThrownBy(() -> Json.decode(VersionedOrderEvents.V2.codec(), 2, OrderCreatedV2.class,
                stored(1, "{\"orderId\":\"o-1\",\"customer\":\"Ada\"}"), VersionedOrderEvents.registry()))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("it decodes to " + OrderCreated.class.getName() + ", but replay expects "
                        + OrderCreatedV2.class.getName() + " for this stored name");
    }
}
