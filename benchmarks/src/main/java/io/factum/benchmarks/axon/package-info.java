/**
 * The Axon Framework 4.13 peer's Order aggregate, the same domain as the Factum one.
 */
package io.factum.benchmarks.axon;
