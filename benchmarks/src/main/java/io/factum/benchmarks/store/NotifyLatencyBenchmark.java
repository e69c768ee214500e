package io.factum.benchmarks.store;
/** Placeholder until the stores land. */
public class NotifyLatencyBenchmark {}
