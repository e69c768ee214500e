package io.factum.store.jdbc;

import java.util.List;

/**
 * The DDL of a store's tables, written once for every database: a dialect only names the column
 * types. The column names here are the ones {@link EventTableStatements} and
 * {@link SubscriptionTableStatements} query; {@code docs/storage.md} describes the schema.
 */
final class SchemaDdl {

    private SchemaDdl() {}

    /** {@code CREATE TABLE IF NOT EXISTS} for the events, checkpoints and parked-events tables. */
    static List<String> createTables(TableNames tables, JdbcDialect.ColumnTypes types) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + tables.events() + " ("
                        + " position " + types.position() + ","
                        + " event_id " + types.uuid() + " NOT NULL UNIQUE,"
                        + " stream_id TEXT NOT NULL,"
                        + " revision " + types.bigint() + " NOT NULL,"
                        + " type TEXT NOT NULL,"
                        + " schema_version " + types.integer() + " NOT NULL,"
                        + " occurred_at " + types.timestamp() + " NOT NULL,"
                        + " correlation_id " + types.uuid() + ","
                        + " causation_id " + types.uuid() + ","
                        + " headers " + types.json() + ","
                        + " payload " + types.bytes() + " NOT NULL,"
                        + " UNIQUE (stream_id, revision))",
                "CREATE TABLE IF NOT EXISTS " + tables.checkpoints() + " ("
                        + " name TEXT PRIMARY KEY,"
                        + " position " + types.bigint() + " NOT NULL,"
                        + " updated_at " + types.timestamp() + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS " + tables.parkedEvents() + " ("
                        + " subscription TEXT NOT NULL,"
                        + " position " + types.bigint() + " NOT NULL,"
                        + " stream_id TEXT NOT NULL,"
                        + " revision " + types.bigint() + " NOT NULL,"
                        + " type TEXT NOT NULL,"
                        + " error TEXT NOT NULL,"
                        + " parked_at " + types.timestamp() + " NOT NULL,"
                        + " PRIMARY KEY (subscription, position))");
    }
}
