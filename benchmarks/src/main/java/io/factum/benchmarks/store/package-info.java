/**
 * Store benchmarks: appends (one process and a fleet of three), catch-up reads and wake-up latency, against raw JDBC on the same table shape.
 */
package io.factum.benchmarks.store;
