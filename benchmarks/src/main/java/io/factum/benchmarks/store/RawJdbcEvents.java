package io.factum.benchmarks.store;

import io.factum.store.NewEvent;
import io.factum.store.StreamHash;
import io.factum.store.jdbc.JdbcDialect;
import io.factum.store.jdbc.TableNames;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The peer of the store benchmarks: plain JDBC on a table of exactly the Factum events table's shape
 * (created by the store's own schema code under another prefix), bound the same way. An append is one
 * transaction with one batched {@code INSERT}; no revision check, no idempotency check, no ordering
 * lock: the floor under what any event store can do on that table.
 *
 * <p>On SQLite, which has one writer at a time, writers of this JVM take turns on a fair Java lock,
 * as any careful SQLite application does (and as the Factum store does): left to SQLite's busy
 * handler, 8 writers starve each other until one fails with {@code SQLITE_BUSY}.
 */
final class RawJdbcEvents {

    private final DataSource dataSource;
    private final JdbcDialect dialect;
    private final String insert;
    private final String selectAll;
    private final ReentrantLock writerLock;

    private RawJdbcEvents(DataSource dataSource, JdbcDialect dialect, TableNames tables) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writerLock = dialect.singleWriter() ? new ReentrantLock(true) : null;
        this.insert = "INSERT INTO " + tables.events() + " (event_id, stream_id, revision, type, schema_version, "
                + "occurred_at, correlation_id, causation_id, headers, payload, stream_hash, committed_at) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, " + dialect.headersParameter() + ", ?, ?, " + dialect.databaseTime() + ")";
        this.selectAll = "SELECT position, event_id, stream_id, revision, type, schema_version, occurred_at, "
                + "correlation_id, causation_id, headers, payload FROM " + tables.events()
                + " WHERE position > ? ORDER BY position LIMIT ?";
    }

    /**
     * Works on an existing events table: one that a Factum store created under a prefix of its own
     * (same DDL, so the same shape), or the store's own table, to read what the store wrote.
     */
    static RawJdbcEvents over(DataSource dataSource, JdbcDialect dialect, TableNames tables) {
        return new RawJdbcEvents(dataSource, dialect, tables);
    }

    /** Inserts {@code events} into {@code streamId} at revisions {@code firstRevision}, ... in one transaction. */
    void insertBatch(String streamId, long firstRevision, List<NewEvent> events) {
        if (writerLock != null) {
            writerLock.lock();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                int streamHash = StreamHash.of(streamId); // the same column the store fills, computed the same way
                for (int i = 0; i < events.size(); i++) {
                    NewEvent event = events.get(i);
                    dialect.setUuid(statement, 1, event.eventId());
                    statement.setString(2, streamId);
                    statement.setLong(3, firstRevision + i);
                    statement.setString(4, event.type());
                    statement.setInt(5, event.schemaVersion());
                    dialect.setTimestamp(statement, 6, event.occurredAt());
                    dialect.setUuid(statement, 7, event.metadata().correlationId());
                    dialect.setUuid(statement, 8, event.metadata().causationId());
                    statement.setNull(9, Types.VARCHAR);
                    statement.setBytes(10, event.payload());
                    statement.setInt(11, streamHash);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Raw JDBC insert into " + streamId + " failed: " + e.getMessage(), e);
        } finally {
            if (writerLock != null) {
                writerLock.unlock();
            }
        }
    }

    /**
     * Reads every row after {@code afterPosition} in position order, {@code batchSize} rows per query, reading
     * each column as the store would; returns how many rows were read.
     */
    long readAll(long afterPosition, int batchSize) {
        long read = 0;
        long position = afterPosition;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(selectAll)) {
            select.setFetchSize(batchSize);
            while (true) {
                select.setLong(1, position);
                select.setInt(2, batchSize);
                int rows = 0;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        position = row.getLong(1);
                        dialect.getUuid(row, 2);
                        row.getString(3);
                        row.getLong(4);
                        row.getString(5);
                        row.getInt(6);
                        dialect.getTimestamp(row, 7);
                        dialect.getUuid(row, 8);
                        dialect.getUuid(row, 9);
                        row.getString(10);
                        row.getBytes(11);
                        rows++;
                    }
                }
                read += rows;
                if (rows < batchSize) {
                    return read;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Raw JDBC read after position " + afterPosition + " failed: " + e.getMessage(), e);
        }
    }
}
