package io.factum.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.factum.event.EventTypeRegistry;
import io.factum.micrometer.sample.Pinged;
import io.factum.micrometer.tracing.LinkingTracingObservationHandler;
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
import io.micrometer.tracing.Tracer;
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
 * {@code traceparent} into the stored metadata, and the subscription's handling span links to the append
 * span: a trace of its own on the subscription's thread, the caller's trace for a poll by hand inside a span,
 * never a child of the append.
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

    private ObservationRegistry tracedObservations() {
        BravePropagator propagator = new BravePropagator(tracing);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new LinkingTracingObservationHandler(tracer),
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        return observations;
    }

    private MutableSpan finished(String name) {
        return finished.stream().filter(s -> name.equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no finished span " + name + " in " + finished));
    }

    @Test
    void theHandlingSpanStartsATraceOfItsOwnAndLinksToTheAppendSpanThroughTraceparentInTheMetadata() {
        ObservationRegistry observations = tracedObservations();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventTypeRegistry registry = EventTypeRegistry.load();
        MeteredEventStore store = new MeteredEventStore(new InMemoryEventStore(), meters, observations);

        store.append("Ping-1", ExpectedRevision.noStream(), List.of(registry.encode(new Pinged("a", 1), Metadata.empty())));

        MutableSpan append = finished("append memory");
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

        MutableSpan handle = finished("handle pings");
        assertThat(handle.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
        assertThat(handle.traceId()).isNotEqualTo(append.traceId());
        assertThat(handle.parentId()).isNull();
        assertThat(seenInHandler).containsExactly(handle.traceId() + "/null");
        assertThat(handle.tags())
                .containsEntry("links[0].traceId", append.traceId())
                .containsEntry("links[0].spanId", append.id())
                .containsEntry("subscription", "pings").containsEntry("event.type", "Pinged");
        assertThat(meters.get("factum.subscription.handle").tags("subscription", "pings", "outcome", "success").timer().count())
                .isEqualTo(1);
    }

    @Test
    void aPollByHandInsideASpanHandlesInThatSpansTraceAndStillLinksToTheAppend() {
        ObservationRegistry observations = tracedObservations();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventTypeRegistry registry = EventTypeRegistry.load();
        MeteredEventStore store = new MeteredEventStore(new InMemoryEventStore(), meters, observations);
        store.append("Ping-1", ExpectedRevision.noStream(), List.of(registry.encode(new Pinged("a", 1), Metadata.empty())));
        MutableSpan append = finished("append memory");

        Subscription subscription = Subscription.builder("pings", store, registry)
                .handler(new ObservedHandlers(meters, observations).handler("pings", event -> { }), new InMemoryCheckpointStore())
                .build();
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            subscription.runUntilCaughtUp();
        } finally {
            request.end();
        }

        MutableSpan handle = finished("handle pings");
        assertThat(handle.traceId()).isEqualTo(request.context().traceId());
        assertThat(handle.parentId()).isEqualTo(request.context().spanId());
        assertThat(handle.tags()).containsEntry("links[0].spanId", append.id());
    }

    @Test
    void anEventWithoutATraceparentIsHandledInASpanWithoutALink() {
        ObservationRegistry observations = tracedObservations();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        EventTypeRegistry registry = EventTypeRegistry.load();
        InMemoryEventStore plain = new InMemoryEventStore();
        plain.append("Ping-1", ExpectedRevision.noStream(), List.of(registry.encode(new Pinged("a", 1),
                Metadata.empty().withHeader("traceparent", "00-not-a-trace-01"))));

        Subscription.builder("pings", plain, registry)
                .handler(new ObservedHandlers(meters, observations).handler("pings", event -> { }), new InMemoryCheckpointStore())
                .build().runUntilCaughtUp();

        MutableSpan handle = finished("handle pings");
        assertThat(handle.parentId()).isNull();
        assertThat(handle.tags()).doesNotContainKey("links[0].traceId");
    }

    @Test
    void withoutTheLinkingHandlerTheHandlingSpanIsStillNotAChildOfTheAppend() {
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

        Subscription.builder("pings", store, registry)
                .handler(new ObservedHandlers(meters, observations).handler("pings", event -> { }), new InMemoryCheckpointStore())
                .build().runUntilCaughtUp();

        MutableSpan handle = finished("handle pings");
        assertThat(handle.traceId()).isNotEqualTo(finished("append memory").traceId());
        assertThat(handle.parentId()).isNull();
    }
}
