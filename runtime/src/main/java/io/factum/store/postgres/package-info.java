/**
 * The PostgreSQL store: its dialect and the LISTEN/NOTIFY append listener. Uses
 * {@code io.factum.store.jdbc} and {@code io.factum.store}; the listener implements
 * {@code io.factum.subscription.AppendSignal}, so this package sits in the subscriptions layer.
 */
package io.factum.store.postgres;
