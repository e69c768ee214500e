package io.factum.store.jdbc;

import java.util.List;

/**
 * The DDL of a store's tables, written once for every database: a dialect only names the column
 * types. The column names here are the ones {@link EventTableStatements} and
 * {@link SubscriptionTableStatements} query; {@code docs/storage.md} describes the schema.
 */
final class SchemaDdl {

    private SchemaDdl() {}

    /**
     * {@code CREATE TABLE IF NOT EXISTS} for the events, checkpoints, parked-events, leases,
     * lease-members and snapshots tables, and the slice index.
     */
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
                        + " stream_hash " + types.integer() + " NOT NULL,"
                        + " committed_at " + types.timestamp() + ","
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
                        + " PRIMARY KEY (subscription, position))",
                sliceIndex(tables),
                "CREATE TABLE IF NOT EXISTS " + tables.leases() + " ("
                        + " subscription TEXT NOT NULL,"
                        + " slice " + types.integer() + " NOT NULL,"
                        + " mode TEXT NOT NULL,"
                        + " slice_count " + types.integer() + " NOT NULL,"
                        + " owner TEXT,"
                        + " expires_at " + types.timestamp() + " NOT NULL,"
                        + " token " + types.bigint() + " NOT NULL,"
                        + " checkpoint " + types.bigint() + " NOT NULL,"
                        + " PRIMARY KEY (subscription, slice))",
                "CREATE TABLE IF NOT EXISTS " + tables.leaseMembers() + " ("
                        + " subscription TEXT NOT NULL,"
                        + " instance TEXT NOT NULL,"
                        + " expires_at " + types.timestamp() + " NOT NULL,"
                        + " PRIMARY KEY (subscription, instance))",
                snapshotTable(tables, types));
    }

    /**
     * The latest snapshot per stream. A table of its own, created {@code IF NOT EXISTS} beside the others (a store
     * whose tables predate it gets it on its next schema check), so it needs no migration of existing rows.
     */
    static String snapshotTable(TableNames tables, JdbcDialect.ColumnTypes types) {
        return "CREATE TABLE IF NOT EXISTS " + tables.snapshots() + " ("
                + " stream_id TEXT PRIMARY KEY,"
                + " aggregate_type TEXT NOT NULL,"
                + " revision " + types.bigint() + " NOT NULL,"
                + " fingerprint TEXT NOT NULL,"
                + " payload " + types.bytes() + " NOT NULL,"
                + " taken_at " + types.timestamp() + " NOT NULL)";
    }

    /**
     * The index of reads by slice range ({@code position > ? AND stream_hash BETWEEN ? AND ?
     * ORDER BY position}): a scan in position order that tests the hash in the index and fetches
     * only the rows of the range.
     */
    static String sliceIndex(TableNames tables) {
        return "CREATE INDEX IF NOT EXISTS " + tables.sliceIndex() + " ON " + tables.events() + " (position, stream_hash)";
    }

    /** The columns an events table created before version 0.2 lacks, with their types, in the order they were added. */
    static List<String[]> addedEventColumns(JdbcDialect.ColumnTypes types) {
        // stream_hash stays nullable until the migration has filled it in; committed_at stays NULL for older rows.
        return List.of(new String[] {"stream_hash", types.integer()}, new String[] {"committed_at", types.timestamp()});
    }
}
