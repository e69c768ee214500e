/**
 * The in-memory event store, for tests and single-process tools. Uses {@code io.factum.store} only.
 */
package io.factum.store.memory;
