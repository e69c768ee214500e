/**
 * The benchmark runner (quick and full modes) and the JMH settings every benchmark forks with. Uses the report package.
 */
package io.factum.benchmarks;
