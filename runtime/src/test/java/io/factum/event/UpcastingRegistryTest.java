package io.factum.event;

import static io.factum.event.VersionedOrderEvents.NAME;
import static io.factum.event.VersionedOrderEvents.TYPES;
import static io.factum.event.VersionedOrderEvents.V1;
import static io.factum.event.VersionedOrderEvents.V2;
import static io.factum.event.VersionedOrderEvents.V3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.codec.Json;
import io.factum.event.VersionedOrderEvents.FunctionUpcaster;
import io.factum.event.VersionedOrderEvents.OrderCreated;
import io.factum.event.VersionedOrderEvents.OrderCreatedV1;
import io.factum.event.VersionedOrderEvents.OrderCreatedV2;
import io.factum.event.VersionedOrderEvents.V1Upcaster;
import io.factum.event.VersionedOrderEvents.V2Upcaster;
import io.factum.spi.FactumModule;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpcastingRegistryTest {

    private final V1Upcaster v1Upcaster = new V1Upcaster();
    private final V2Upcaster v2Upcaster = new V2Upcaster();

    /** A module as the processor generates it, wired explicitly. */
    private final FactumModule module = new FactumModule() {
        @Override
        public List<EventType<?>> eventTypes() {
            return TYPES;
        }

        @Override
        public List<Upcaster<?, ?>> upcasters() {
            return List.of(v1Upcaster, v2Upcaster);
        }
    };

    private final EventTypeRegistry registry = EventTypeRegistry.of(module);

    @Test
    void decodesAMixedVersionStreamToTheCurrentVersion() {
        List<StoredEvent> stream = List.of(
                stored(0, 1, "{\"orderId\":\"o-1\",\"customer\":\"Ada <ada@example.com>\"}"),
                stored(1, 2, "{\"orderId\":\"o-2\",\"customerName\":\"Grace\",\"email\":\"grace@example.com\"}"),
                stored(2, 3, "{\"orderId\":\"o-3\",\"customerName\":\"Edsger\",\"channel\":\"phone\"}"),
                stored(3, 1, "{\"orderId\":\"o-4\",\"customer\":\"Barbara\"}"));

        List<Object> decoded = new ArrayList<>();
        for (StoredEvent event : stream) {
            decoded.add(registry.decode(event));
        }

        assertThat(decoded).containsExactly(
                new OrderCreated("o-1", "Ada", "ada@example.com", "web"),
                new OrderCreated("o-2", "Grace", "grace@example.com", "web"),
                new OrderCreated("o-3", "Edsger", null, "phone"),
                new OrderCreated("o-4", "Barbara", null, "web"));
        // v1 events go through both steps, the v2 event through one, the v3 event through none.
        assertThat(v1Upcaster.calls).hasValue(2);
        assertThat(v2Upcaster.calls).hasValue(3);
    }

    @Test
    void envelopeKeepsTheStoredVersionAndCarriesTheCurrentPayload() {
        EventEnvelope<Object> envelope = registry.envelope(stored(7, 1, "{\"orderId\":\"o-1\",\"customer\":\"Ada\"}"));

        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.type()).isEqualTo(NAME);
        assertThat(envelope.payload()).isEqualTo(new OrderCreated("o-1", "Ada", null, "web"));
    }

    @Test
    void knowsTheCurrentVersionOfEachName() {
        assertThat(registry.currentVersion(NAME)).isEqualTo(3);
        assertThatThrownBy(() -> registry.currentVersion("OrderShipped"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("OrderShipped");
    }

    @Test
    void refusesToEncodeANullEventWithATypedError() {
        assertThatThrownBy(() -> registry.encode(null, Metadata.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null event");
    }

    @Test
    void findsAndEncodesEveryVersionByItsOwnClass() {
        assertThat(registry.typeOf(OrderCreatedV1.class)).isEqualTo(V1);
        assertThat(registry.typeOf(OrderCreated.class)).isEqualTo(V3);
        assertThat(registry.find(NAME, 2)).isEqualTo(V2);
        assertThat(registry.types()).containsExactlyInAnyOrder(V1, V2, V3);

        // Tests write old data by encoding an old record: it is stored with its own version.
        var encoded = registry.encode(new OrderCreatedV1("o-9", "Alan"), Metadata.empty());
        assertThat(encoded.schemaVersion()).isEqualTo(1);
        assertThat(registry.decode(stored(0, encoded.schemaVersion(), new String(encoded.payload(), StandardCharsets.UTF_8))))
                .isEqualTo(new OrderCreated("o-9", "Alan", null, "web"));
    }

    @Test
    void aVersionNewerThanTheCodeKnowsIsATypedErrorNamingWhereItIs() {
        StoredEvent fromTheFuture = new StoredEvent(UUID.randomUUID(), "Order-42", 5, 1234, NAME, 4,
                Instant.EPOCH, Metadata.empty(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> registry.decode(fromTheFuture))
                .isInstanceOfSatisfying(UnknownEventTypeException.class, e -> {
                    assertThat(e.streamId()).isEqualTo("Order-42");
                    assertThat(e.streamRevision()).isEqualTo(5);
                    assertThat(e.globalPosition()).isEqualTo(1234);
                    assertThat(e.type()).isEqualTo(NAME);
                    assertThat(e.version()).isEqualTo(4);
                })
                .hasMessageContaining("OrderCreated v4")
                .hasMessageContaining("stream 'Order-42' revision 5 (global position 1234)")
                .hasMessageContaining("newest version this code knows is v3")
                .hasMessageContaining("newer release");
    }

    @Test
    void anUnknownStoredNameIsATypedError() {
        StoredEvent unknown = new StoredEvent(UUID.randomUUID(), "Order-1", 0, 1, "OrderTeleported", 1,
                Instant.EPOCH, Metadata.empty(), "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> registry.decode(unknown))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("OrderTeleported v1 at stream 'Order-1' revision 0")
                .hasMessageContaining("no registered module declares this stored name");
    }

    @Test
    void aFailingUpcasterIsADecodingErrorNamingTheStepAndWhere() {
        Upcaster<OrderCreatedV1, OrderCreatedV2> failing = new FunctionUpcaster<>(OrderCreatedV1.class, OrderCreatedV2.class,
                old -> {
                    throw new IllegalStateException("customer is blank");
                });
        EventTypeRegistry broken = EventTypeRegistry.ofTypes(TYPES, List.of(failing, v2Upcaster));

        assertThatThrownBy(() -> broken.decode(stored(3, 1, "{\"orderId\":\"o-1\",\"customer\":\" \"}")))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.location().streamId()).isEqualTo("Order-1");
                    assertThat(e.location().streamRevision()).isEqualTo(3);
                    assertThat(e.location().schemaVersion()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
                })
                .hasMessageContaining("upcasting from v1 to v2")
                .hasMessageContaining("customer is blank");
    }

    @Test
    void anUpcasterReturningNullIsADecodingError() {
        Upcaster<OrderCreatedV1, OrderCreatedV2> returnsNull = new FunctionUpcaster<>(OrderCreatedV1.class, OrderCreatedV2.class, old -> null);
        EventTypeRegistry broken = EventTypeRegistry.ofTypes(TYPES, List.of(returnsNull, v2Upcaster));

        assertThatThrownBy(() -> broken.decode(stored(0, 1, "{\"orderId\":\"o-1\",\"customer\":\"Ada\"}")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("upcasting from v1 to v2")
                .hasMessageContaining("returned null instead of a " + OrderCreatedV2.class.getName());
    }

    @Test
    void aGapInTheVersionsIsRejectedWhenTheRegistryIsBuilt() {
        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(List.of(V1, V3), List.of()))
                .isInstanceOfSatisfying(UpcasterChainException.class, e -> {
                    assertThat(e.storedName()).isEqualTo(NAME);
                    assertThat(e.version()).isEqualTo(2);
                })
                .hasMessageContaining("has versions [1, 3] but no v2");
    }

    @Test
    void anOldVersionWithoutUpcasterIsRejected() {
        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(TYPES, List.of(v2Upcaster)))
                .isInstanceOfSatisfying(UpcasterChainException.class, e -> assertThat(e.version()).isEqualTo(1))
                .hasMessageContaining("No upcaster turns OrderCreated v1 (" + OrderCreatedV1.class.getName() + ") into v2")
                .hasMessageContaining("current version is v3");
    }

    @Test
    void twoUpcastersForOneStepAreRejected() {
        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(TYPES, List.of(v1Upcaster, v2Upcaster, new V1Upcaster())))
                .isInstanceOfSatisfying(UpcasterChainException.class, e -> assertThat(e.version()).isEqualTo(1))
                .hasMessageContaining("Two upcasters turn OrderCreated v1 into v2");
    }

    @Test
    void anUpcasterSkippingAVersionIsRejected() {
        Upcaster<OrderCreatedV1, OrderCreated> skipping = new FunctionUpcaster<>(OrderCreatedV1.class, OrderCreated.class,
                old -> new OrderCreated(old.orderId(), old.customer(), null, "web"));

        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(TYPES, List.of(skipping, v2Upcaster)))
                .isInstanceOf(UpcasterChainException.class)
                .hasMessageContaining("goes from OrderCreated v1 to OrderCreated v3")
                .hasMessageContaining("version N of one stored name into version N + 1");
    }

    @Test
    void anUpcasterBetweenDifferentNamesIsRejected() {
        record OrderNoted(String orderId) {}
        EventType<OrderNoted> noted = new EventType<>("OrderNoted", 2, OrderNoted.class, new StringFieldsCodec<>("OrderNoted",
                e -> java.util.Map.of("orderId", e.orderId()), m -> new OrderNoted(m.get("orderId"))));
        Upcaster<OrderCreatedV1, OrderNoted> crossing = new FunctionUpcaster<>(OrderCreatedV1.class, OrderNoted.class,
                old -> new OrderNoted(old.orderId()));

        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(List.of(V1, noted), List.of(crossing)))
                .isInstanceOf(UpcasterChainException.class)
                .hasMessageContaining("goes from OrderCreated v1 to OrderNoted v2");
    }

    @Test
    void anUpcasterToAnUnregisteredClassIsRejected() {
        assertThatThrownBy(() -> EventTypeRegistry.ofTypes(List.of(V1, V2), List.of(v1Upcaster, v2Upcaster)))
                .isInstanceOf(UpcasterChainException.class)
                .hasMessageContaining("refers to " + OrderCreated.class.getName() + ", which is not a registered event type");
    }

    @Test
    void aRegistryOfCurrentVersionsOnlyNeedsNoUpcasters() {
        EventTypeRegistry current = EventTypeRegistry.ofTypes(List.of(V3));

        assertThat(current.currentVersion(NAME)).isEqualTo(3);
        assertThat(current.decode(stored(0, 3, "{\"orderId\":\"o\",\"customerName\":\"c\",\"channel\":\"web\"}")))
                .isEqualTo(new OrderCreated("o", "c", null, "web"));
        assertThatThrownBy(() -> current.decode(stored(0, 1, "{}")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("known versions are [3]");
    }

    @Test
    void decodingStillReportsCorruptOldPayloadsWithTheirStoredVersion() {
        assertThatThrownBy(() -> registry.decode(stored(2, 1, "{\"orderId\":")))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.location().schemaVersion()).isEqualTo(1))
                .hasMessageContaining("Cannot decode event OrderCreated v1 at stream 'Order-1' revision 2");
        // and the codec itself is untouched by upcasting
        assertThat(Json.decode(V1.codec(), "{\"orderId\":\"a\",\"customer\":\"b\"}".getBytes(StandardCharsets.UTF_8), NAME))
                .isEqualTo(new OrderCreatedV1("a", "b"));
    }

    private static StoredEvent stored(long revision, int version, String json) {
        return new StoredEvent(UUID.randomUUID(), "Order-1", revision, 100 + revision, NAME, version,
                Instant.EPOCH, Metadata.empty(), json.getBytes(StandardCharsets.UTF_8));
    }
}
