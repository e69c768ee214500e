package io.factum.store.jdbc;

import io.factum.store.AppendResult;
import io.factum.store.DuplicateEventIdException;
import io.factum.store.NewEvent;
import io.factum.store.WrongExpectedRevisionException;
import io.factum.store.jdbc.AppendRules.StoredAt;
import io.factum.store.jdbc.AppendRules.StreamHead;
import io.factum.store.jdbc.EventTableStatements.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a batch of an {@link AppendQueue}, appends to distinct streams, in one transaction: the
 * same steps as one append, each once for the whole batch.
 */
final class GroupCommitWriter implements AppendQueue.BatchWriter {

    private final Database db;
    private final EventTableStatements statements;
    private final StreamAppender alone;
    private final GroupCommitListener listener;

    GroupCommitWriter(Database db, EventTableStatements statements, StreamAppender alone, GroupCommitListener listener) {
        this.db = db;
        this.statements = statements;
        this.alone = alone;
        this.listener = listener;
    }

    /**
     * What the batch transaction decided for one append: its result or rejection, and whether that
     * result holds only once the transaction commits.
     */
    private record Verdict(AppendResult result, RuntimeException rejection, boolean written) {}

    /**
     * Completes every append of the batch. If the transaction fails (a lost connection, a unique
     * violation racing another process, a row the database refuses), it is rolled back and every
     * append it was to write is written alone, so that each caller gets its own outcome; appends are
     * idempotent by event id, so one stored by a commit whose answer was lost comes back as its
     * original result.
     */
    @Override
    public void write(List<AppendQueue.Pending> batch) {
        Connection connection;
        try {
            connection = db.dataSource().getConnection();
        } catch (SQLException e) {
            // Writing the appends alone would only ask for a connection once per append.
            batch.forEach(pending -> pending.fail(alone.appendFailed(pending.streamId, e)));
            listener.batchWritten(batch.size(), batch.stream().mapToInt(pending -> pending.events.size()).sum(), false);
            return;
        }
        Verdict[] verdicts = new Verdict[batch.size()];
        boolean committed = false;
        try (connection) {
            Transactions.inTransaction(connection, () -> writeInTransaction(connection, batch, verdicts));
            committed = true;
        } catch (SQLException | RuntimeException e) {
            // Rolled back (or, if committed, only closing failed): handled below.
        }
        List<AppendQueue.Pending> toWriteAlone = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Verdict verdict = verdicts[i];
            if (verdict == null || verdict.written() && !committed) {
                toWriteAlone.add(batch.get(i));
            } else if (verdict.rejection() != null) {
                batch.get(i).fail(verdict.rejection());
            } else {
                batch.get(i).succeed(verdict.result());
            }
        }
        writeEachAlone(toWriteAlone);
        listener.batchWritten(batch.size(), batch.stream().mapToInt(pending -> pending.events.size()).sum(), committed);
    }

    /** The fallback of a failed batch: each append in a transaction of its own, in batch order. */
    private void writeEachAlone(List<AppendQueue.Pending> appends) {
        for (AppendQueue.Pending pending : appends) {
            try {
                pending.succeed(alone.appendAlone(pending.streamId, pending.expected, pending.events));
            } catch (RuntimeException e) {
                pending.fail(e);
            }
        }
    }

    private Void writeInTransaction(Connection connection, List<AppendQueue.Pending> batch, Verdict[] verdicts)
            throws SQLException {
        List<String> streamIds = new ArrayList<>(batch.size());
        for (AppendQueue.Pending pending : batch) {
            streamIds.add(pending.streamId);
        }
        streamIds.sort(null);
        db.dialect().lockStreams(connection, db.tables(), streamIds);
        Map<String, StreamHead> heads = statements.readHeads(connection, streamIds);
        // Ids are looked up only for appends whose expected revision fails: they may be retries of
        // appends already stored. The others are inserted straight away; should one of their ids be
        // stored already (a retry with a revision that still matches, or an id used twice), the
        // unique key refuses the insert, the batch rolls back, and each append is written alone,
        // by the path that looks its ids up first. The common append saves a round trip.
        List<NewEvent> toLookUp = new ArrayList<>();
        for (AppendQueue.Pending pending : batch) {
            StreamHead head = heads.getOrDefault(pending.streamId, StreamHead.NONE);
            if (!pending.expected.accepts(head.revision())) {
                toLookUp.addAll(pending.events);
            }
        }
        Map<UUID, StoredAt> stored = toLookUp.isEmpty() ? Map.of() : statements.findStored(connection, toLookUp);
        List<Write> writes = new ArrayList<>();
        List<Integer> written = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            AppendQueue.Pending pending = batch.get(i);
            StreamHead head = heads.getOrDefault(pending.streamId, StreamHead.NONE);
            try {
                AppendResult unwritten = AppendRules.resultWithoutInsert(pending.streamId, pending.expected,
                        pending.events, head, stored);
                if (unwritten != null) {
                    verdicts[i] = new Verdict(unwritten, null, false);
                } else {
                    writes.add(new Write(pending.streamId, head.revision() + 1, pending.events));
                    written.add(i);
                }
            } catch (WrongExpectedRevisionException | DuplicateEventIdException e) {
                verdicts[i] = new Verdict(null, e, false);
            }
        }
        if (writes.isEmpty()) {
            return null;
        }
        db.dialect().beforeInsert(connection, db.tables());
        Map<String, Long> lastPositions = statements.insert(connection, writes);
        for (int k = 0; k < writes.size(); k++) {
            Write write = writes.get(k);
            verdicts[written.get(k)] = new Verdict(new AppendResult(write.streamId(),
                    write.firstRevision() + write.events().size() - 1, lastPositions.get(write.streamId())), null, true);
        }
        return null;
    }
}
