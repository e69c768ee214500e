/**
 * Harnesses that run subscriptions in child JVMs: scaling of partitioned mode (1, 2, 4 instances) and failover after kill -9.
 */
package io.factum.benchmarks.fleet;
