package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.SnapshotStore;
import io.factum.store.StoredSnapshot;
import io.factum.store.StreamIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The snapshots of a JDBC store, in {@code <prefix>snapshots}: one row per stream, replaced in one statement
 * ({@code INSERT ... ON CONFLICT (stream_id) DO UPDATE ... WHERE revision <= excluded.revision}, which SQLite and
 * PostgreSQL both speak), so a reader sees the old row or the new one and a slower writer never replaces a newer
 * snapshot. Get one from {@link JdbcEventStore#snapshots()}; its schema is the store's.
 */
public final class JdbcSnapshotStore implements SnapshotStore {

    private final Database db;
    private final JdbcEventStore events;
    private final String select;
    private final String upsert;
    private final String delete;

    JdbcSnapshotStore(Database db, JdbcEventStore events) {
        this.db = db;
        this.events = events;
        String table = db.tables().snapshots();
        this.select = "SELECT aggregate_type, revision, fingerprint, payload, taken_at FROM " + table + " WHERE stream_id = ?";
        this.upsert = "INSERT INTO " + table + " (stream_id, aggregate_type, revision, fingerprint, payload, taken_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET aggregate_type = excluded.aggregate_type,"
                + " revision = excluded.revision, fingerprint = excluded.fingerprint, payload = excluded.payload,"
                + " taken_at = excluded.taken_at WHERE " + table + ".revision <= excluded.revision";
        this.delete = "DELETE FROM " + table + " WHERE stream_id = ?";
    }

    @Override
    public Optional<StoredSnapshot> latest(String streamId) {
        StreamIds.validate(streamId);
        events.ensureSchema();
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, streamId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredSnapshot(streamId, row.getString(1), row.getLong(2), row.getString(3),
                        row.getBytes(4), db.dialect().getTimestamp(row, 5)));
            }
        } catch (SQLException e) {
            throw failure("read the snapshot of", streamId, e);
        }
    }

    @Override
    public void save(StoredSnapshot snapshot) {
        StreamIds.validate(snapshot.streamId());
        events.ensureSchema();
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setString(1, snapshot.streamId());
            statement.setString(2, snapshot.aggregateType());
            statement.setLong(3, snapshot.streamRevision());
            statement.setString(4, snapshot.fingerprint());
            statement.setBytes(5, snapshot.payload());
            db.dialect().setTimestamp(statement, 6, snapshot.takenAt());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("write the snapshot of", snapshot.streamId(), e);
        }
    }

    @Override
    public void delete(String streamId) {
        StreamIds.validate(streamId);
        events.ensureSchema();
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setString(1, streamId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("delete the snapshot of", streamId, e);
        }
    }

    private JdbcStoreException failure(String what, String streamId, SQLException e) {
        return new JdbcStoreException("Cannot " + what + " stream " + MessageText.quote(streamId) + " in "
                + db.tables().snapshots() + " (" + db.dialect().databaseName() + "): " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "JdbcSnapshotStore[" + db.tables().snapshots() + ", " + db.dialect().databaseName() + "]";
    }
}
