/**
 * The Order domain every benchmark shares: events, the aggregate (with its snapshot) and hand-written dispatch as the limit.
 */
package io.factum.benchmarks.domain;
