package io.factum.store.jdbc;

import io.factum.store.Metadata;
import io.factum.store.NewEvent;
import io.factum.store.SliceRange;
import io.factum.store.StoredEvent;
import io.factum.store.StreamHash;
import io.factum.store.jdbc.AppendRules.StoredAt;
import io.factum.store.jdbc.AppendRules.StreamHead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every statement on the events table, each a small named function, and the mapping between its
 * rows and events; shared by every dialect. Each function runs its statement on the connection it
 * is given and leaves transactions to the caller.
 */
final class EventTableStatements {

    /** Columns in the order {@link #read} expects them. */
    private static final String COLUMNS = "position, event_id, stream_id, revision, type, schema_version, "
            + "occurred_at, correlation_id, causation_id, headers, payload";
    private static final int INSERTED_COLUMNS = 11;
    /** Most streams whose heads one query reads. */
    private static final int HEADS_PER_QUERY = 50;
    /** Most rows a read fetches per round trip. */
    private static final int FETCH_SIZE = 1000;

    private final JdbcDialect dialect;
    private final String table;
    private final String valuesRow;
    private final String selectStream;
    private final String selectAll;
    private final String selectHead;
    private final String selectSlices;
    private final String selectLastPosition;
    private final String selectFirstFrom;

    EventTableStatements(JdbcDialect dialect, TableNames tables) {
        this.dialect = dialect;
        this.table = tables.events();
        // committed_at: the database's time as the row is inserted, after the ordering lock.
        this.valuesRow = "(?, ?, ?, ?, ?, ?, ?, ?, " + dialect.headersParameter() + ", ?, ?, " + dialect.databaseTime() + ")";
        this.selectStream = "SELECT " + COLUMNS + " FROM " + table
                + " WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?";
        this.selectAll = "SELECT " + COLUMNS + " FROM " + table + " WHERE position > ? ORDER BY position LIMIT ?";
        this.selectHead = "SELECT revision, position FROM " + table
                + " WHERE stream_id = ? ORDER BY revision DESC LIMIT 1";
        this.selectSlices = "SELECT " + COLUMNS + " FROM " + table
                + " WHERE position > ? AND stream_hash BETWEEN ? AND ? ORDER BY position LIMIT ?";
        this.selectLastPosition = "SELECT MAX(position) FROM " + table;
        this.selectFirstFrom = "SELECT position, committed_at FROM " + table + " WHERE position >= ? ORDER BY position LIMIT 1";
    }

    /** The events after {@code afterPosition} whose stream is in {@code range}, at most {@code maxCount}. */
    List<StoredEvent> readSlices(Connection connection, long afterPosition, SliceRange range, int maxCount)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectSlices)) {
            select.setLong(1, afterPosition);
            select.setInt(2, range.lowestHash());
            select.setInt(3, range.highestHash());
            select.setInt(4, maxCount);
            return readEvents(select, maxCount);
        }
    }

    /** The highest global position stored, {@code 0} when there is none. */
    long lastPosition(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectLastPosition);
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    /** The first event at or after {@code position}: its position and commit time (null before the migration), or null. */
    CommitTimeSearch.Probe firstFrom(Connection connection, long position) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectFirstFrom)) {
            select.setLong(1, position);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long found = row.getLong(1);
                row.getObject(2);
                return new CommitTimeSearch.Probe(found, row.wasNull() ? null : dialect.getTimestamp(row, 2));
            }
        }
    }

    /** The events of one stream from {@code fromRevision}, at most {@code maxCount}. */
    List<StoredEvent> readStream(Connection connection, String streamId, long fromRevision, int maxCount)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectStream)) {
            select.setString(1, streamId);
            select.setLong(2, fromRevision);
            select.setInt(3, maxCount);
            return readEvents(select, maxCount);
        }
    }

    /** The events after global position {@code afterPosition}, at most {@code maxCount}. */
    List<StoredEvent> readAll(Connection connection, long afterPosition, int maxCount) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectAll)) {
            select.setLong(1, afterPosition);
            select.setInt(2, maxCount);
            return readEvents(select, maxCount);
        }
    }

    /** The last revision and position of a stream. */
    StreamHead readHead(Connection connection, String streamId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectHead)) {
            select.setString(1, streamId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new StreamHead(row.getLong(1), row.getLong(2)) : StreamHead.NONE;
            }
        }
    }

    /** The heads of the given streams that exist; one query per {@value #HEADS_PER_QUERY} streams. */
    Map<String, StreamHead> readHeads(Connection connection, List<String> streamIds) throws SQLException {
        Map<String, StreamHead> heads = new HashMap<>();
        for (int from = 0; from < streamIds.size(); from += HEADS_PER_QUERY) {
            List<String> part = streamIds.subList(from, Math.min(streamIds.size(), from + HEADS_PER_QUERY));
            try (PreparedStatement select = connection.prepareStatement(selectHeads(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    select.setString(i + 1, part.get(i));
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        heads.put(row.getString(1), new StreamHead(row.getLong(2), row.getLong(3)));
                    }
                }
            }
        }
        return heads;
    }

    /** Where the ids of {@code events} are stored, for those that are. */
    Map<UUID, StoredAt> findStored(Connection connection, List<NewEvent> events) throws SQLException {
        Map<UUID, StoredAt> stored = new HashMap<>();
        int chunk = dialect.maxRowsPerInsert();
        for (int from = 0; from < events.size(); from += chunk) {
            List<NewEvent> part = events.subList(from, Math.min(events.size(), from + chunk));
            try (PreparedStatement select = connection.prepareStatement(selectByEventIds(part.size()))) {
                dialect.planEveryExecution(select);
                for (int i = 0; i < part.size(); i++) {
                    dialect.setUuid(select, i + 1, part.get(i).eventId());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.put(dialect.getUuid(row, 1), new StoredAt(row.getString(2), row.getLong(3), row.getLong(4)));
                    }
                }
            }
        }
        return stored;
    }

    /** Events to insert into a stream, the first at {@code firstRevision}. */
    record Write(String streamId, long firstRevision, List<NewEvent> events) {}

    /**
     * Inserts the events of every write, in order, in multi-row statements of at most
     * {@link JdbcDialect#maxRowsPerInsert()} rows, and returns the last global position of each
     * write's stream (each stream is written at most once).
     */
    Map<String, Long> insert(Connection connection, List<Write> writes) throws SQLException {
        List<Row> all = new ArrayList<>();
        for (Write write : writes) {
            for (int i = 0; i < write.events().size(); i++) {
                all.add(new Row(write.streamId(), write.firstRevision() + i, write.events().get(i)));
            }
        }
        Map<String, Long> lastPositions = new HashMap<>();
        int chunk = dialect.maxRowsPerInsert();
        for (int from = 0; from < all.size(); from += chunk) {
            List<Row> part = all.subList(from, Math.min(all.size(), from + chunk));
            try (PreparedStatement insert = connection.prepareStatement(insert(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    bind(insert, i, part.get(i));
                }
                try (ResultSet inserted = insert.executeQuery()) {
                    while (inserted.next()) {
                        lastPositions.merge(inserted.getString(1), inserted.getLong(2), Math::max);
                    }
                }
            }
        }
        return lastPositions;
    }

    /** One event to insert. */
    private record Row(String streamId, long revision, NewEvent event) {}

    /** {@code SELECT event_id, stream_id, revision, position} of the given number of event ids. */
    private String selectByEventIds(int count) {
        return "SELECT event_id, stream_id, revision, position FROM " + table
                + " WHERE event_id IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    /**
     * {@code SELECT stream_id, revision, position} of the last event of each of {@code count} streams
     * (none for a stream without events): {@link #selectHead} once per stream, in one statement.
     */
    private String selectHeads(int count) {
        return String.join(" UNION ALL ", Collections.nCopies(count, "SELECT * FROM (SELECT stream_id, revision, position FROM "
                + table + " WHERE stream_id = ? ORDER BY revision DESC LIMIT 1) AS head"));
    }

    /** A multi-row insert of {@code rowCount} events that returns the stream id and position of each. */
    private String insert(int rowCount) {
        return "INSERT INTO " + table + " (event_id, stream_id, revision, type, schema_version, occurred_at, "
                + "correlation_id, causation_id, headers, payload, stream_hash, committed_at) VALUES "
                + String.join(", ", Collections.nCopies(rowCount, valuesRow)) + " RETURNING stream_id, position";
    }

    /** Binds one event's row, starting at parameter {@code rowIndex * 11 + 1}. */
    private void bind(PreparedStatement insert, int rowIndex, Row row) throws SQLException {
        int i = rowIndex * INSERTED_COLUMNS;
        NewEvent event = row.event();
        Metadata metadata = event.metadata();
        dialect.setUuid(insert, i + 1, event.eventId());
        insert.setString(i + 2, row.streamId());
        insert.setLong(i + 3, row.revision());
        insert.setString(i + 4, event.type());
        insert.setInt(i + 5, event.schemaVersion());
        // Both databases keep microseconds; truncating here makes every store round-trip the same value.
        dialect.setTimestamp(insert, i + 6, event.occurredAt().truncatedTo(ChronoUnit.MICROS));
        dialect.setUuid(insert, i + 7, metadata.correlationId());
        dialect.setUuid(insert, i + 8, metadata.causationId());
        insert.setString(i + 9, HeadersJson.write(metadata.headers()));
        insert.setBytes(i + 10, event.payload());
        insert.setInt(i + 11, StreamHash.of(row.streamId()));
    }

    private List<StoredEvent> readEvents(PreparedStatement select, int maxCount) throws SQLException {
        select.setFetchSize(Math.min(maxCount, FETCH_SIZE));
        List<StoredEvent> events = new ArrayList<>(Math.min(maxCount, FETCH_SIZE));
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                try {
                    events.add(read(row));
                } catch (RuntimeException corrupt) {
                    // One bad row must not hide the good ones before it, nor stay without a position.
                    throw new UnreadableStoredEventException(table, row.getLong(1), row.getString(3), row.getLong(4),
                            row.getString(5), events, corrupt);
                }
            }
        }
        return events;
    }

    /**
     * Maps the current row of a {@link #selectStream} or {@link #selectAll} query.
     *
     * @throws RuntimeException when a column does not hold what the schema promises (e.g. an id
     *                          that is no UUID on SQLite); {@link #readEvents} names the row
     */
    private StoredEvent read(ResultSet row) throws SQLException {
        long position = row.getLong(1);
        String headers = row.getString(10);
        Metadata metadata;
        try {
            metadata = new Metadata(dialect.getUuid(row, 8), dialect.getUuid(row, 9), HeadersJson.read(headers));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable metadata: " + e.getMessage(), e);
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
