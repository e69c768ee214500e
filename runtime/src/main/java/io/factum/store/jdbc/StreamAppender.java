package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import io.factum.store.jdbc.AppendRules.StoredAt;
import io.factum.store.jdbc.AppendRules.StreamHead;
import io.factum.store.jdbc.EventTableStatements.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One append to one stream: in a transaction of its own, or inside the caller's. Stream lock,
 * head and id lookup, {@link AppendRules}, ordering lock, insert.
 */
final class StreamAppender {

    private final Database db;
    private final EventTableStatements statements;

    StreamAppender(Database db, EventTableStatements statements) {
        this.db = db;
        this.statements = statements;
    }

    /** One append in a transaction of its own. */
    AppendResult appendAlone(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        try (Connection connection = db.dataSource().getConnection()) {
            return Transactions.inTransaction(connection, () -> appendInTransaction(connection, streamId, expected, events));
        } catch (SQLException e) {
            throw appendFailed(streamId, e);
        }
    }

    /** One append inside the transaction open on {@code connection}. */
    AppendResult appendInTransaction(Connection connection, String streamId, ExpectedRevision expected,
            List<NewEvent> events) throws SQLException {
        db.dialect().lockStream(connection, db.tables(), streamId);
        StreamHead head = statements.readHead(connection, streamId);
        Map<UUID, StoredAt> stored = events.isEmpty() ? Map.of() : statements.findStored(connection, events);
        AppendResult unwritten = AppendRules.resultWithoutInsert(streamId, expected, events, head, stored);
        if (unwritten != null) {
            return unwritten;
        }
        db.dialect().beforeInsert(connection, db.tables());
        long lastPosition;
        try {
            lastPosition = statements.insert(connection, List.of(new Write(streamId, head.revision() + 1, events)))
                    .get(streamId);
        } catch (SQLException e) {
            if (db.dialect().isUniqueViolation(e)) {
                // Checked above, so another transaction stored one of these ids since: report which.
                throw duplicateAfterRace(streamId, events, e);
            }
            throw e;
        }
        return new AppendResult(streamId, head.revision() + events.size(), lastPosition);
    }

    private DuplicateEventIdException duplicateAfterRace(String streamId, List<NewEvent> events, SQLException cause) {
        Map<UUID, StoredAt> stored = Map.of();
        // The caller's transaction may be aborted (PostgreSQL), so look with a connection of our own.
        try (Connection connection = db.dataSource().getConnection()) {
            stored = statements.findStored(connection, events);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        DuplicateEventIdException e = AppendRules.duplicateAfterRace(streamId, events, stored);
        e.initCause(cause);
        return e;
    }

    /** The error of an append that wrote nothing because the database failed. */
    JdbcStoreException appendFailed(String streamId, SQLException e) {
        return new JdbcStoreException("Cannot append to stream " + MessageText.quote(streamId) + " in " + db.dialect().databaseName()
                + "; nothing was written: " + e.getMessage(), e);
    }
}
