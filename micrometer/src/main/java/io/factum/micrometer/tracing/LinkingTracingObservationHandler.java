package io.factum.micrometer.tracing;

import io.factum.micrometer.FactumMeters;
import io.factum.micrometer.HandleObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Objects;

/**
 * Makes the span of a {@value FactumMeters#HANDLE_OBSERVATION} observation (a subscription handling one event)
 * a {@code CONSUMER} span that <em>links</em> to the append span whose {@code traceparent} the event carries,
 * instead of continuing its trace. Its parent is the span current where the handling runs: none on a
 * subscription's own thread (a trace of its own), the caller's for a poll by hand inside a span. This is what
 * OpenTelemetry's messaging conventions recommend for a consumer: link to the message's creation context, take
 * a parent only from the ambient context; docs/observability.md says why Factum follows them.
 *
 * <p>Register it before Micrometer Tracing's default handler, in the tracing group of first-matching handlers
 * (the Spring Boot starter does so when the application has a {@link Tracer}):
 *
 * <pre>{@code
 * registry.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
 *         new LinkingTracingObservationHandler(tracer),
 *         new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
 *         new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
 *         new DefaultTracingObservationHandler(tracer)));
 * }</pre>
 *
 * Only W3C {@code traceparent} headers are linked (the propagation Spring Boot configures by default, for
 * Brave and OpenTelemetry alike); an event without one, or with another format, gets a span without a link.
 */
public final class LinkingTracingObservationHandler implements TracingObservationHandler<HandleObservationContext> {

    private final Tracer tracer;

    public LinkingTracingObservationHandler(Tracer tracer) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    @Override
    public void onStart(HandleObservationContext context) {
        Span ambient = getParentSpan(context);
        if (ambient == null) {
            ambient = tracer.currentSpan();
        }
        Span.Builder builder = tracer.spanBuilder().kind(Span.Kind.CONSUMER).name(getSpanName(context));
        if (ambient != null) {
            builder.setParent(ambient.context());
        } else {
            builder.setNoParent();
        }
        TraceParent.parse(context.header(TraceParent.HEADER)).ifPresent(append -> builder.addLink(new Link(linkTo(append))));
        getTracingContext(context).setSpan(builder.start());
    }

    private TraceContext linkTo(TraceParent append) {
        return tracer.traceContextBuilder().traceId(append.traceId()).spanId(append.spanId()).sampled(append.sampled())
                .build();
    }

    @Override
    public void onStop(HandleObservationContext context) {
        Span span = getRequiredSpan(context);
        tagSpan(context, span);
        span.name(getSpanName(context));
        endSpan(context, span);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof HandleObservationContext;
    }

    @Override
    public Tracer getTracer() {
        return tracer;
    }
}
