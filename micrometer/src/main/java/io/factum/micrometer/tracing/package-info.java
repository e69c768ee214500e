/**
 * Tracing support beyond the Observation API: {@link io.factum.micrometer.tracing.LinkingTracingObservationHandler}
 * links a subscription's handling span to the append that wrote the event. Depends on micrometer-tracing,
 * an optional dependency of factum-micrometer: only applications with a tracer load this package.
 */
package io.factum.micrometer.tracing;
