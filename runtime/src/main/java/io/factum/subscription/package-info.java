/**
 * Catch-up subscriptions over an event store: the subscription with its runner thread, poller and
 * caught-up signal, checkpoints, parked events and JDBC projections. Uses {@code io.factum.store}
 * (and its JDBC store), {@code io.factum.event} and {@code io.factum.bus} (retry policy,
 * registrations).
 */
package io.factum.subscription;
