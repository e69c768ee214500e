package io.factum.example.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.example.InMemoryKeys;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code CustomerRegistered} v1, as release 0.1 stored it, and v2, as release 0.2 stored it (plain), are read as
 * v3 (e-mail and name sealed) through the generated upcasters; {@code CustomerEmailChanged} v1 likewise as v2.
 */
@ExtendWith(InMemoryKeys.class)
public class CustomerRegisteredUpcastTest {

    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.of(new ExampleFactumModule());

    /** A payload exactly as release 0.1 wrote it. */
    public static NewEvent storedByRelease01(String customerId, String registrationMethod) {
        String json = "{\"customerId\":\"" + customerId + "\",\"email\":\"" + customerId + "@example.com\",\"name\":\"Bob\","
                + "\"registrationMethod\":\"" + registrationMethod + "\"}";
        return new NewEvent(UUID.randomUUID(), "CustomerRegistered", 1, Instant.parse("2025-01-01T00:00:00Z"), Metadata.empty(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRegistryKnowsEveryVersionAndTheSealedOnesAreCurrent() {
        assertThat(REGISTRY.find("CustomerRegistered", 1).javaType()).isEqualTo(CustomerRegisteredV1.class);
        assertThat(REGISTRY.find("CustomerRegistered", 2).javaType()).isEqualTo(CustomerRegisteredV2.class);
        assertThat(REGISTRY.find("CustomerRegistered", 3).javaType()).isEqualTo(CustomerRegistered.class);
        assertThat(REGISTRY.currentVersion("CustomerRegistered")).isEqualTo(3);
        assertThat(REGISTRY.find("CustomerEmailChanged", 1).javaType()).isEqualTo(CustomerEmailChangedV1.class);
        assertThat(REGISTRY.currentVersion("CustomerEmailChanged")).isEqualTo(2);
        NewEvent encoded = REGISTRY.encode(new CustomerRegistered("c", "c@example.com", "Carla", RegistrationChannel.STORE), Metadata.empty());
        assertThat(encoded.schemaVersion()).isEqualTo(3);
        String json = new String(encoded.payload(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"customerId\":\"c\"", "\"channel\":\"STORE\"", "pd1:").doesNotContain("c@example.com", "Carla");
    }

    /** A payload exactly as release 0.2 wrote it: version 2, or {@code CustomerEmailChanged} version 1, plain. */
    public static NewEvent storedByRelease02(String type, int version, String json) {
        return new NewEvent(UUID.randomUUID(), type, version, Instant.parse("2025-06-01T00:00:00Z"), Metadata.empty(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainVersionTwoEventsAreReadAsTheSealedVersion() {
        try (InMemoryEventStore store = new InMemoryEventStore()) {
            store.append("Customer-dora", ExpectedRevision.noStream(), List.of(
                    storedByRelease02("CustomerRegistered", 2,
                            "{\"customerId\":\"dora\",\"email\":\"dora@example.com\",\"name\":\"Dora\",\"channel\":\"PHONE\"}"),
                    storedByRelease02("CustomerEmailChanged", 1,
                            "{\"customerId\":\"dora\",\"oldEmail\":\"dora@example.com\",\"newEmail\":\"dora@new.example.com\"}")));

            var events = store.readStream("Customer-dora", 0, 10).stream().map(REGISTRY::envelope).toList();
            assertThat(events.get(0).payload()).isEqualTo(new CustomerRegistered("dora", "dora@example.com", "Dora", RegistrationChannel.PHONE));
            assertThat(events.get(1).payload()).isEqualTo(new CustomerEmailChanged("dora", "dora@example.com", "dora@new.example.com"));

            Customer dora = new AggregateRepository<>(store, REGISTRY, CustomerAggregateType.INSTANCE).load("dora");
            assertThat(dora.email()).isEqualTo("dora@new.example.com");
            assertThat(dora.name()).isEqualTo("Dora");
        }
    }

    @Test
    void storedVersionOneEventsAreUpcastBeforeAnyoneSeesThem() {
        try (InMemoryEventStore store = new InMemoryEventStore()) {
            store.append("Customer-bob", ExpectedRevision.noStream(), List.of(storedByRelease01("bob", "Mobile App")));

            EventEnvelope<Object> read = REGISTRY.envelope(store.readStream("Customer-bob", 0, 10).get(0));
            assertThat(read.schemaVersion()).isEqualTo(1);
            assertThat(read.payload()).isEqualTo(new CustomerRegistered("bob", "bob@example.com", "Bob", RegistrationChannel.MOBILE_APP));

            var customers = new AggregateRepository<>(store, REGISTRY, CustomerAggregateType.INSTANCE);
            Customer bob = customers.load("bob");
            assertThat(bob.channel()).isEqualTo(RegistrationChannel.MOBILE_APP);
            bob.changeEmail("bob@new.example.com");
            customers.save(bob);
            assertThat(customers.load("bob").email()).isEqualTo("bob@new.example.com");
        }
    }

    @Test
    void legacyTextMapsToAChannelAndUnknownTextToOther() {
        assertThat(RegistrationChannel.fromLegacy("web")).isEqualTo(RegistrationChannel.WEB);
        assertThat(RegistrationChannel.fromLegacy("Mobile App")).isEqualTo(RegistrationChannel.MOBILE_APP);
        assertThat(RegistrationChannel.fromLegacy("in store")).isEqualTo(RegistrationChannel.STORE);
        assertThat(RegistrationChannel.fromLegacy("call-center")).isEqualTo(RegistrationChannel.PHONE);
        assertThat(RegistrationChannel.fromLegacy("carrier pigeon")).isEqualTo(RegistrationChannel.OTHER);
        assertThat(RegistrationChannel.fromLegacy(null)).isEqualTo(RegistrationChannel.OTHER);
    }
}
