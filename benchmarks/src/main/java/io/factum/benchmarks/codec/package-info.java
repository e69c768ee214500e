/**
 * The codec benchmark and its peers: Jackson's {@code JsonMapper}, hand-written streaming code, avaje-jsonb and
 * DSL-JSON, each writing the same bytes as Factum's generated codecs for the benchmark's records. Depends on the
 * domain package and the peers' libraries only.
 */
package io.factum.benchmarks.codec;
