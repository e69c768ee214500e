/**
 * The event store from the application's {@code DataSource}: which store to build
 * ({@link io.factum.spring.boot.store.EventStoreFactory}) and appends that join a Spring-managed
 * transaction ({@link io.factum.spring.boot.store.TransactionJoiningEventStore}). Depends on the runtime
 * and spring-jdbc.
 */
package io.factum.spring.boot.store;
