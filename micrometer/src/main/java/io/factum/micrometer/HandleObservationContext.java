package io.factum.micrometer;

import io.factum.store.Metadata;
import io.micrometer.observation.Observation;
import java.util.Objects;

/**
 * The context of a {@value FactumMeters#HANDLE_OBSERVATION} observation: one event a subscription handles,
 * with the metadata the append wrote the trace context into. Deliberately not a
 * {@code ReceiverContext}: Micrometer Tracing's receiver handler would make the handling span a child of
 * the append span, and a subscription handles events long after they were appended (a replay, years
 * later). The handling span starts a trace of its own and <em>links</em> to the append, as OpenTelemetry's
 * messaging conventions recommend; {@link io.factum.micrometer.tracing.LinkingTracingObservationHandler}
 * does that. See docs/observability.md, "Traces".
 */
public final class HandleObservationContext extends Observation.Context {

    private final String subscription;
    private final String eventType;
    private final Metadata metadata;

    public HandleObservationContext(String subscription, String eventType, Metadata metadata) {
        this.subscription = Objects.requireNonNull(subscription, "subscription");
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** The subscription handling the event. */
    public String subscription() {
        return subscription;
    }

    /** The event's stored type name. */
    public String eventType() {
        return eventType;
    }

    /** The event's header of that name (e.g. {@code traceparent}), or null. */
    public String header(String name) {
        return metadata.headers().get(name);
    }
}
