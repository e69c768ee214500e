package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factum.event.EventTypeRegistry;
import io.factum.micrometer.sample.Pinged;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.memory.InMemoryEventStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class MeteredEventStoreTest {

    private final EventTypeRegistry registry = EventTypeRegistry.load();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private NewEvent ping(String id) {
        return registry.encode(new Pinged(id, 1), Metadata.empty());
    }

    @Test
    void appendsAreTimedByOutcomeAndEventsPerAppendAndReadsAreCounted() {
        MeteredEventStore store = new MeteredEventStore(new InMemoryEventStore(), meters);
        store.append("Ping-1", ExpectedRevision.noStream(), List.of(ping("a"), ping("b")));
        store.append("Ping-2", ExpectedRevision.noStream(), List.of(ping("c")));
        assertThatThrownBy(() -> store.append("Ping-1", ExpectedRevision.noStream(), List.of(ping("d"))))
                .isInstanceOf(WrongExpectedRevisionException.class);

        assertThat(meters.get("factum.store.append").tags("store", "memory", "outcome", "success").timer().count()).isEqualTo(2);
        assertThat(meters.get("factum.store.append").tags("store", "memory", "outcome", "conflict").timer().count()).isEqualTo(1);
        assertThat(meters.get("factum.store.append").tags("outcome", "failure").timer().count()).isZero();
        assertThat(meters.get("factum.store.append.events").summary().count()).isEqualTo(3);
        assertThat(meters.get("factum.store.append.events").summary().totalAmount()).isEqualTo(4);

        assertThat(store.readStream("Ping-1", 0, 10)).hasSize(2);
        assertThat(store.readAll(0, 10)).hasSize(3);
        assertThat(meters.get("factum.store.read.events").tags("read", "stream").counter().count()).isEqualTo(2);
        assertThat(meters.get("factum.store.read.events").tags("read", "all").counter().count()).isEqualTo(3);
        assertThat(meters.get("factum.store.read").tags("read", "all").timer().count()).isEqualTo(1);
        // never a stream id among the tags
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().startsWith("Ping-")));
    }

    @Test
    void eachAppendIsAnObservationThatFailsWithTheStoresError() {
        TestObservationRegistry observations = TestObservationRegistry.create();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        MeteredEventStore store = new MeteredEventStore(new InMemoryEventStore(), meters, observations);
        store.append("Ping-1", ExpectedRevision.noStream(), List.of(ping("a")));
        assertThatThrownBy(() -> store.append("Ping-1", ExpectedRevision.exactly(5), List.of(ping("b"))))
                .isInstanceOf(WrongExpectedRevisionException.class);

        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo("factum.append", 2)
                .forAllObservationsWithNameEqualTo("factum.append", observation -> observation
                        .hasLowCardinalityKeyValue("store", "memory")
                        .hasContextualNameEqualTo("append memory"));
        assertThat(stopped).hasSize(2);
        assertThat(stopped.get(0).getError()).isNull();
        assertThat(stopped.get(1).getError()).isInstanceOf(WrongExpectedRevisionException.class);
        // without a tracer nothing is propagated, so the events are stored as given
        assertThat(store.readStream("Ping-1", 0, 1).get(0).metadata().headers()).isEmpty();
    }
}
