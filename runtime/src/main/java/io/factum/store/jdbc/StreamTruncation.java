package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.StreamIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link JdbcEventStore#truncateBefore}: deletes a stream's events before a revision, in one transaction that
 * first checks the stream keeps its last event and a snapshot covers everything deleted.
 */
final class StreamTruncation {

    private final Database db;
    private final boolean allowed;

    StreamTruncation(Database db, boolean allowed) {
        this.db = db;
        this.allowed = allowed;
    }

    int truncateBefore(String streamId, long revision) {
        StreamIds.validate(streamId);
        if (!allowed) {
            throw new IllegalStateException("truncateBefore(" + MessageText.quote(streamId) + ", " + revision + ") is off for"
                    + " this store: deleting events is irreversible and changes what subscriptions, rebuilds and"
                    + " retried saves see (docs/snapshots.md); build the store with .allowTruncation(true) to allow it");
        }
        if (revision < 0) {
            throw new IllegalArgumentException("Revision must be 0 or more, was " + revision);
        }
        String events = db.tables().events();
        try (Connection connection = db.dataSource().getConnection()) {
            return Transactions.inTransaction(connection, () -> {
                long head = scalar(connection, "SELECT MAX(revision) FROM " + events + " WHERE stream_id = ?", streamId);
                if (head < 0 || revision > head) {
                    throw new IllegalArgumentException("Cannot truncate stream " + MessageText.quote(streamId) + " before"
                            + " revision " + revision + ": its last revision is " + head + ", and a stream keeps its last"
                            + " event (its revision is what appends expect)");
                }
                long snapshot = scalar(connection, "SELECT revision FROM " + db.tables().snapshots() + " WHERE stream_id = ?",
                        streamId);
                if (snapshot < revision - 1) {
                    throw new IllegalStateException("Cannot truncate stream " + MessageText.quote(streamId) + " before"
                            + " revision " + revision + ": " + (snapshot < 0 ? "it has no snapshot" : "its snapshot is at"
                            + " revision " + snapshot) + ", so the events deleted would be lost to every load; take a"
                            + " snapshot at revision " + (revision - 1) + " or later first");
                }
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + events + " WHERE stream_id = ? AND revision < ?")) {
                    delete.setString(1, streamId);
                    delete.setLong(2, revision);
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new JdbcStoreException("Cannot truncate stream " + MessageText.quote(streamId) + " before revision "
                    + revision + " in " + db.dialect().databaseName() + "; nothing was deleted: " + e.getMessage(), e);
        }
    }

    /** A single long, or -1 when there is no row or it is NULL. */
    private static long scalar(Connection connection, String sql, String streamId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, streamId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return -1;
                }
                long value = row.getLong(1);
                return row.wasNull() ? -1 : value;
            }
        }
    }
}
