package io.factum.store.jdbc;

import io.factum.event.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.StoredEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;

/** The SQL of the events table and the mapping between its rows and events. Shared by every dialect. */
final class EventRows {

    /** Columns in the order {@link #read} expects them. */
    private static final String COLUMNS = "position, event_id, stream_id, revision, type, schema_version, "
            + "occurred_at, correlation_id, causation_id, headers, payload";

    private static final int INSERTED_COLUMNS = 10;

    private final JdbcDialect dialect;
    private final String table;
    private final String valuesRow;

    final String selectStream;
    final String selectAll;
    final String selectHead;

    EventRows(JdbcDialect dialect, TableNames tables) {
        this.dialect = dialect;
        this.table = tables.events();
        this.valuesRow = "(?, ?, ?, ?, ?, ?, ?, ?, " + dialect.headersParameter() + ", ?)";
        this.selectStream = "SELECT " + COLUMNS + " FROM " + table
                + " WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?";
        this.selectAll = "SELECT " + COLUMNS + " FROM " + table + " WHERE position > ? ORDER BY position LIMIT ?";
        this.selectHead = "SELECT revision, position FROM " + table
                + " WHERE stream_id = ? ORDER BY revision DESC LIMIT 1";
    }

    /** {@code SELECT event_id, stream_id, revision, position} of the given number of event ids. */
    String selectByEventIds(int count) {
        return "SELECT event_id, stream_id, revision, position FROM " + table
                + " WHERE event_id IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * {@code SELECT stream_id, revision, position} of the last event of each of {@code count} streams
     * (none for a stream without events): {@link #selectHead} once per stream, in one statement.
     */
    String selectHeads(int count) {
        return String.join(" UNION ALL ", Collections.nCopies(count, "SELECT * FROM (SELECT stream_id, revision, position FROM "
                + table + " WHERE stream_id = ? ORDER BY revision DESC LIMIT 1) AS head"));
    }

    /** A multi-row insert of {@code rowCount} events that returns the stream id and position of each. */
    String insert(int rowCount) {
        return "INSERT INTO " + table + " (event_id, stream_id, revision, type, schema_version, occurred_at, "
                + "correlation_id, causation_id, headers, payload) VALUES "
                + String.join(", ", Collections.nCopies(rowCount, valuesRow)) + " RETURNING stream_id, position";
    }

    /** Binds one event's row, starting at parameter {@code rowIndex * 10 + 1}. */
    void bind(PreparedStatement insert, int rowIndex, String streamId, long revision, NewEvent event) throws SQLException {
        int i = rowIndex * INSERTED_COLUMNS;
        Metadata metadata = event.metadata();
        dialect.setUuid(insert, i + 1, event.eventId());
        insert.setString(i + 2, streamId);
        insert.setLong(i + 3, revision);
        insert.setString(i + 4, event.type());
        insert.setInt(i + 5, event.schemaVersion());
        // Both databases keep microseconds; truncating here makes every store round-trip the same value.
        dialect.setTimestamp(insert, i + 6, event.occurredAt().truncatedTo(ChronoUnit.MICROS));
        dialect.setUuid(insert, i + 7, metadata.correlationId());
        dialect.setUuid(insert, i + 8, metadata.causationId());
        insert.setString(i + 9, HeadersJson.write(metadata.headers()));
        insert.setBytes(i + 10, event.payload());
    }

    /** Maps the current row of a {@link #selectStream} or {@link #selectAll} query. */
    StoredEvent read(ResultSet row) throws SQLException {
        long position = row.getLong(1);
        String headers = row.getString(10);
        Metadata metadata;
        try {
            metadata = new Metadata(dialect.getUuid(row, 8), dialect.getUuid(row, 9), HeadersJson.read(headers));
        } catch (IllegalArgumentException e) {
            throw new JdbcStoreException("Stored event at global position " + position + " in " + table
                    + " has unreadable metadata headers: " + e.getMessage(), e);
        }
        return new StoredEvent(
                dialect.getUuid(row, 2),
                row.getString(3),
                row.getLong(4),
                position,
                row.getString(5),
                row.getInt(6),
                dialect.getTimestamp(row, 7),
                metadata,
                row.getBytes(11));
    }
}
