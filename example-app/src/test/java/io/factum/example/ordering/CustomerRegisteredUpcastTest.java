package io.factum.example.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.factum.aggregate.AggregateRepository;
import io.factum.event.EventEnvelope;
import io.factum.event.EventTypeRegistry;
import io.factum.example.ExampleFactumModule;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.memory.InMemoryEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code CustomerRegistered} v1, as release 0.1 stored it, is read as v2 through the generated upcaster. */
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
    void theRegistryKnowsBothVersionsAndVersionTwoIsCurrent() {
        assertThat(REGISTRY.find("CustomerRegistered", 1).javaType()).isEqualTo(CustomerRegisteredV1.class);
        assertThat(REGISTRY.find("CustomerRegistered", 2).javaType()).isEqualTo(CustomerRegistered.class);
        assertThat(REGISTRY.currentVersion("CustomerRegistered")).isEqualTo(2);
        assertThat(REGISTRY.encode(new CustomerRegistered("c", "c@example.com", "C", RegistrationChannel.STORE), Metadata.empty())
                .schemaVersion()).isEqualTo(2);
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
