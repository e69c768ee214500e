/**
 * In-process event buses (synchronous and asynchronous), generated subscriber links, retries and
 * dead letters. Uses {@code io.factum.event} and {@code io.factum.annotation}; not the store.
 */
package io.factum.bus;
