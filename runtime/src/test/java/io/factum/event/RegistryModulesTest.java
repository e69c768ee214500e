package io.factum.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.sample.OrderAggregateType;
import io.factum.sample.OrderPlaced;
import io.factum.spi.FactumModule;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A registry built from modules names them: in a clash of stored names, and when a type is missing. */
class RegistryModulesTest {

    /** Stands in for one unit's generated module. */
    static final class ShopModule implements FactumModule {
        @Override
        public List<EventType<?>> eventTypes() {
            return List.of(OrderAggregateType.ORDER_PLACED);
        }
    }

    /** Another unit's module with a different record stored as the same name and version. */
    static final class BillingModule implements FactumModule {
        @Override
        public List<EventType<?>> eventTypes() {
            return List.of(new EventType<>("OrderPlaced", 1, VersionedOrderEvents.OrderCreatedV1.class,
                    VersionedOrderEvents.V1.codec()));
        }
    }

    @Test
    void twoModulesStoringDifferentRecordsAsOneNameAreBothNamed() {
        assertThatThrownBy(() -> EventTypeRegistry.of(new ShopModule(), new BillingModule()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two event types are stored as OrderPlaced v1")
                .hasMessageContaining(OrderPlaced.class.getName() + " (module " + ShopModule.class.getName() + ")")
                .hasMessageContaining(VersionedOrderEvents.OrderCreatedV1.class.getName()
                        + " (module " + BillingModule.class.getName() + ")");
    }

    @Test
    void anUnknownTypeListsTheModulesThatWereRegistered() {
        EventTypeRegistry registry = EventTypeRegistry.of(new ShopModule());

        assertThatThrownBy(() -> registry.typeOf(VersionedOrderEvents.OrderCreatedV1.class))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Registered modules: [" + ShopModule.class.getName() + "]");
        StoredEvent stored = new StoredEvent(UUID.randomUUID(), "Order-1", 0, 1, "Missing", 1, Instant.EPOCH,
                Metadata.empty(), "{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> registry.decode(stored))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("no registered module declares this stored name")
                .hasMessageContaining("Registered modules: [" + ShopModule.class.getName() + "]");
        assertThatThrownBy(() -> registry.currentVersion("Missing"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("Registered modules: [" + ShopModule.class.getName() + "]");
    }

    @Test
    void aRegistryWithoutModulesSaysSo() {
        EventTypeRegistry registry = EventTypeRegistry.of();

        assertThatThrownBy(() -> registry.currentVersion("OrderPlaced"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("No FactumModule is registered at all.");
    }
}
