/**
 * Publishing benchmarks: synchronous and asynchronous buses against Guava's EventBus, and the metered bus's overhead.
 */
package io.factum.benchmarks.bus;
