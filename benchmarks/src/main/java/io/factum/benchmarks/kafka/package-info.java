/**
 * Kafka relay benchmarks: throughput against a plain producer and end-to-end latency at a steady rate, on a broker the benchmark starts.
 */
package io.factum.benchmarks.kafka;
