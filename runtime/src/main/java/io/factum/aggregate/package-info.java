/**
 * Aggregates: the {@code AggregateRoot} base, generated {@code AggregateType}s and the repository
 * that loads and saves them through an event store. Uses {@code io.factum.event},
 * {@code io.factum.store}, {@code io.factum.bus} (to publish what it saved) and
 * {@code io.factum.spi} (to find generated types).
 */
package io.factum.aggregate;
