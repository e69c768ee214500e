/**
 * The comparison table: which benchmark rows are compared, their targets, and how met or missed is decided.
 */
package io.factum.benchmarks.report;
