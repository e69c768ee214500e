/**
 * Aggregates: the {@code AggregateRoot} base, generated {@code AggregateType}s, the
 * {@code AggregateTypeProvider}s that list them (generated modules), and the repository that loads and
 * saves them through an event store. Uses {@code io.factum.event}, {@code io.factum.store} and
 * {@code io.factum.bus} (to publish what it saved).
 */
package io.factum.aggregate;
