package io.factum.aggregate;

/**
 * An aggregate as a load rebuilt it, and how.
 *
 * @param aggregate        the aggregate, at its stored revision
 * @param snapshotRevision the revision of the snapshot it was restored from; -1 if it was replayed from the start
 * @param eventsReplayed   how many events were applied (after the snapshot, if any)
 * @param <A>              the aggregate class
 */
public record LoadedAggregate<A>(A aggregate, long snapshotRevision, long eventsReplayed) {

    /** Whether the load started from a snapshot. */
    public boolean fromSnapshot() {
        return snapshotRevision >= 0;
    }
}
