package io.factum.benchmarks.store;

/** Append-to-delivery latency through a PostgreSQL LISTEN/NOTIFY subscription; wired when subscriptions land. */
public class NotifyLatencyBenchmark {}
