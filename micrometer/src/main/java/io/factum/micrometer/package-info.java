/**
 * Metrics and observations for Factum on Micrometer, as decorators and binders around the runtime's
 * interfaces: {@link io.factum.micrometer.MeteredEventStore}, {@link io.factum.micrometer.MeteredEventBus},
 * {@link io.factum.micrometer.SubscriptionMetrics} and {@link io.factum.micrometer.ObservedHandlers}.
 * Names are in {@link io.factum.micrometer.FactumMeters}. Depends on the runtime and on
 * micrometer-core/micrometer-observation only; the runtime never depends on this package.
 */
package io.factum.micrometer;
