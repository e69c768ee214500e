/**
 * The Axon Framework 5 replay peer, on a JDK 21+: an annotated event-sourced entity of the benchmark's Order domain,
 * the JMH benchmark that loads it beside Factum's replay, and the report rows. Depends on the benchmarks module's
 * domain and report classes and on Axon 5; nothing else in the build depends on it.
 */
package io.factum.benchmarks.axon5;
