package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.factum.event.EventTypeRegistry;
import io.factum.micrometer.sample.Pinged;
import io.factum.store.ExpectedRevision;
import io.factum.store.Metadata;
import io.factum.store.StoredEvent;
import io.factum.store.memory.InMemoryEventStore;
import io.factum.subscription.InMemoryCheckpointStore;
import io.factum.subscription.Subscription;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a real tracer (Brave, W3C propagation, as Spring Boot configures it): the append writes
 * {@code traceparent} into the stored metadata, and the subscription's handling span continues that trace,
 * its parent being the append span.
 */
class TracePropagationTest {

    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private final ThreadLocalCurrentTraceContext braveContext = ThreadLocalCurrentTraceContext.newBuilder().build();
    private final Tracing tracing = Tracing.newBuilder()
            .currentTraceContext(braveContext)
            .traceId128Bit(true)
            .propagationFactory(new W3CPropagation())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                    finished.add(span);
                    return true;
                }
            })
            .build();
    private final BraveTracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(braveContext));

    @AfterEach
    void closeTracing() {
        tracing.close();
    }

    @Test
    void theHandlingSpanIsAChildOfTheAppendSpanThroughTraceparentInTheMetadata() {
        BravePropagator propagator = new BravePropagator(tracing);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventTypeRegistry registry = EventTypeRegistry.load();
        MeteredEventStore store = new MeteredEventStore(new InMemoryEventStore(), meters, observations);

        store.append("Ping-1", ExpectedRevision.noStream(), List.of(registry.encode(new Pinged("a", 1), Metadata.empty())));

        MutableSpan append = finished.stream().filter(s -> "append memory".equals(s.name())).findFirst().orElseThrow();
        StoredEvent stored = store.readStream("Ping-1", 0, 1).get(0);
        assertThat(stored.metadata().headers())
                .containsEntry("traceparent", "00-" + append.traceId() + "-" + append.id() + "-01");

        List<String> seenInHandler = new CopyOnWriteArrayList<>();
        ObservedHandlers observed = new ObservedHandlers(meters, observations);
        Subscription subscription = Subscription.builder("pings", store, registry)
                .handler(observed.handler("pings", event -> {
                    Span current = tracer.currentSpan();
                    seenInHandler.add(current.context().traceId() + "/" + current.context().parentId());
                }), new InMemoryCheckpointStore())
                .build();
        assertThat(subscription.runUntilCaughtUp()).isEqualTo(1);

        assertThat(seenInHandler).containsExactly(append.traceId() + "/" + append.id());
        MutableSpan handle = finished.stream().filter(s -> "handle pings".equals(s.name())).findFirst().orElseThrow();
        assertThat(handle.traceId()).isEqualTo(append.traceId());
        assertThat(handle.parentId()).isEqualTo(append.id());
        assertThat(handle.tags()).containsEntry("subscription", "pings").containsEntry("event.type", "Pinged");
        assertThat(meters.get("factum.subscription.handle").tags("subscription", "pings", "outcome", "success").timer().count())
                .isEqualTo(1);
    }
}
