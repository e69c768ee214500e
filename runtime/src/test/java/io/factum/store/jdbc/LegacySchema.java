package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The tables exactly as Factum 0.1 created them (its {@code SchemaDdl}, with each dialect's column
 * types), and inserts as 0.1 wrote them: what the migration starts from.
 */
final class LegacySchema {

    private LegacySchema() {}

    /** Creates the 0.1 tables of {@code tables} on the store's database. */
    static void create(JdbcEventStore store) throws SQLException {
        JdbcDialect.ColumnTypes t = store.dialect().columnTypes();
        TableNames tables = store.tables();
        List<String> ddl = List.of(
                "CREATE TABLE " + tables.events() + " ( position " + t.position() + ", event_id " + t.uuid()
                        + " NOT NULL UNIQUE, stream_id TEXT NOT NULL, revision " + t.bigint() + " NOT NULL, type TEXT NOT NULL,"
                        + " schema_version " + t.integer() + " NOT NULL, occurred_at " + t.timestamp() + " NOT NULL,"
                        + " correlation_id " + t.uuid() + ", causation_id " + t.uuid() + ", headers " + t.json() + ","
                        + " payload " + t.bytes() + " NOT NULL, UNIQUE (stream_id, revision))",
                "CREATE TABLE " + tables.checkpoints() + " ( name TEXT PRIMARY KEY, position " + t.bigint()
                        + " NOT NULL, updated_at " + t.timestamp() + " NOT NULL)",
                "CREATE TABLE " + tables.parkedEvents() + " ( subscription TEXT NOT NULL, position " + t.bigint()
                        + " NOT NULL, stream_id TEXT NOT NULL, revision " + t.bigint() + " NOT NULL, type TEXT NOT NULL,"
                        + " error TEXT NOT NULL, parked_at " + t.timestamp() + " NOT NULL, PRIMARY KEY (subscription, position))");
        try (Connection connection = store.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ddl) {
                statement.execute(sql);
            }
        }
    }

    /** Inserts one event the way 0.1 did (no stream hash, no commit time); the payload is {@code {"n":revision}}. */
    static void insert(JdbcEventStore store, String streamId, long revision) throws SQLException {
        try (Connection connection = store.dataSource().getConnection()) {
            insert(store, connection, streamId, revision);
        }
    }

    static void insert(JdbcEventStore store, Connection connection, String streamId, long revision) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + store.tables().events()
                + " (event_id, stream_id, revision, type, schema_version, occurred_at, correlation_id, causation_id,"
                + " headers, payload) VALUES (?, ?, ?, 'OrderPlaced', 1, ?, NULL, NULL, NULL, ?)")) {
            store.dialect().setUuid(insert, 1, UUID.randomUUID());
            insert.setString(2, streamId);
            insert.setLong(3, revision);
            store.dialect().setTimestamp(insert, 4, Instant.parse("2026-01-01T00:00:00Z"));
            insert.setBytes(5, ("{\"orderId\":\"" + streamId + "\",\"customerId\":\"c" + revision + "\"}").getBytes());
            insert.executeUpdate();
        }
    }
}
