/**
 * Snapshot load benchmarks: Factum with and without a snapshot against Axon 4.13's snapshotter, for 10,000 and 100,000 events.
 */
package io.factum.benchmarks.snapshot;
