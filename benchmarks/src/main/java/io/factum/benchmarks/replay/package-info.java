/**
 * Replay benchmarks: loading an aggregate from its events against Axon 4.13 and hand-written code.
 */
package io.factum.benchmarks.replay;
