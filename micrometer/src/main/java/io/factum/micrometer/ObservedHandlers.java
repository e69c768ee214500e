package io.factum.micrometer;

import io.factum.event.EventEnvelope;
import io.factum.subscription.EnvelopeHandler;
import io.factum.subscription.JdbcProjection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Wraps what a subscription calls, a handler or a projection, so each event it handles is timed
 * ({@value FactumMeters#SUBSCRIPTION_HANDLE}, outcome {@code success} or {@code failure}: each retry
 * counts) and observed ({@value FactumMeters#HANDLE_OBSERVATION}, a {@link HandleObservationContext}). The
 * context carries the event's metadata, where the append wrote its trace context ({@link MeteredEventStore});
 * with a tracing bridge and {@link io.factum.micrometer.tracing.LinkingTracingObservationHandler} registered,
 * the handling span starts a trace of its own (or joins the caller's, for a poll by hand inside a span) and
 * links to the append span: a link, not a parent, because the handling may come long after the append.
 *
 * <pre>{@code
 * ObservedHandlers observed = new ObservedHandlers(meterRegistry, observationRegistry);
 * Subscription.builder("emails", store, registry)
 *         .handler(observed.handler("emails", mailer::send), checkpoints)
 *         .build();
 * }</pre>
 */
public final class ObservedHandlers {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    public ObservedHandlers(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /** {@code handler}, measured under subscription name {@code subscription}. */
    public EnvelopeHandler handler(String subscription, EnvelopeHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Measured measured = new Measured(subscription);
        return event -> measured.around(event, () -> handler.handle(event));
    }

    /** {@code projection}, measured under subscription name {@code subscription}. */
    public JdbcProjection projection(String subscription, JdbcProjection projection) {
        Objects.requireNonNull(projection, "projection");
        Measured measured = new Measured(subscription);
        return (event, connection) -> measured.around(event, () -> projection.apply(event, connection));
    }

    /** A handler or projection call. */
    private interface Call {
        void run() throws Exception;
    }

    /** The meters and observation of one subscription. */
    private final class Measured {
        final String subscription;
        final Timer success;
        final Timer failure;

        Measured(String subscription) {
            this.subscription = Objects.requireNonNull(subscription, "subscription");
            this.success = timer("success");
            this.failure = timer("failure");
        }

        private Timer timer(String outcome) {
            return Timer.builder(FactumMeters.SUBSCRIPTION_HANDLE).description("Events a subscription handled")
                    .tag(FactumMeters.SUBSCRIPTION, subscription).tag(FactumMeters.OUTCOME, outcome).register(meters);
        }

        /** Runs {@code call} timed and observed; its exception or error propagates unchanged. */
        void around(EventEnvelope<Object> event, Call call) throws Exception {
            Observation observation = start(event);
            long start = System.nanoTime();
            Timer outcome = failure;
            try (Observation.Scope scope = observation.openScope()) {
                call.run();
                outcome = success;
            } catch (Exception | Error e) {
                observation.error(e);
                throw e;
            } finally {
                outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                observation.stop();
            }
        }

        private Observation start(EventEnvelope<Object> event) {
            if (observations.isNoop()) {
                return Observation.NOOP;
            }
            HandleObservationContext context = new HandleObservationContext(subscription, event.type(), event.metadata());
            return Observation.createNotStarted(FactumMeters.HANDLE_OBSERVATION, () -> context, observations)
                    .contextualName("handle " + subscription)
                    .lowCardinalityKeyValue(FactumMeters.SUBSCRIPTION, subscription)
                    .lowCardinalityKeyValue(FactumMeters.EVENT_TYPE, event.type())
                    .start();
        }
    }
}
