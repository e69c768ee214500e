/**
 * The relational event store written once for every database: schema set-up, the append rules, the
 * statements of the events, checkpoints and parked-events tables, single appends, group commit and
 * transactions; a {@link io.factum.store.jdbc.JdbcDialect} supplies what differs. Uses
 * {@code io.factum.store} and {@code io.factum.store.Metadata}; nothing above them.
 */
package io.factum.store.jdbc;
