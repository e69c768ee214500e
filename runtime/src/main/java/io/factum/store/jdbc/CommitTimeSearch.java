package io.factum.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Finds where a point in time falls in the global order, by the commit times the store assigns
 * ({@code committed_at}): a binary search over positions, one primary-key lookup per step. It
 * relies on commit times rising with the position, which the ordering lock gives (PostgreSQL:
 * the time is read after it; SQLite: one writer at a time); events stored before the migration
 * have none and count as earlier than any time.
 */
final class CommitTimeSearch {

    /** The first event at or after a probed position: its position, and its commit time or null. */
    record Probe(long position, Instant committedAt) {}

    private CommitTimeSearch() {}

    /** The position of the last event committed before {@code time}, {@code 0} if there is none. */
    static long lastPositionBefore(Connection connection, EventTableStatements statements, Instant time)
            throws SQLException {
        long before = 0; // every event at or below it was committed before the time
        long notBefore = statements.lastPosition(connection) + 1; // the answer is below it
        while (notBefore - before > 1) {
            long middle = before + (notBefore - before) / 2;
            Probe probe = statements.firstFrom(connection, middle);
            if (probe == null || probe.position() >= notBefore) {
                notBefore = middle; // no event in [middle, notBefore)
            } else if (probe.committedAt() == null || probe.committedAt().isBefore(time)) {
                before = probe.position();
            } else {
                notBefore = probe.position();
            }
        }
        return before;
    }
}
