/**
 * Catch-up subscriptions over an event store: the subscription with its runner thread, poller and
 * caught-up signal, checkpoints, parked events and JDBC projections, start positions, and the
 * fleet's leases (exclusive mode: {@code LeaseTable}, {@code LeaseKeeper}, the fenced writes;
 * partitioned mode: {@code SliceTable}, {@code SliceKeeper}, {@code SliceLease}, {@code PartitionedPoller};
 * {@link io.factum.subscription.FleetStatus}). Uses {@code io.factum.store}
 * (and its JDBC store), {@code io.factum.event} and {@code io.factum.bus} (retry policy,
 * registrations).
 */
package io.factum.subscription;
