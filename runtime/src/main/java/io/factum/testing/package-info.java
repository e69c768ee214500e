/**
 * Given-when-then fixtures for aggregates. Uses {@code io.factum.aggregate}, {@code io.factum.event}
 * and {@code io.factum.store}; the top layer, for tests.
 */
package io.factum.testing;
