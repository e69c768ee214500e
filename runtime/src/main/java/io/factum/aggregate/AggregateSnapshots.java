package io.factum.aggregate;

import io.factum.MessageText;
import io.factum.store.SnapshotStore;
import io.factum.store.StoredSnapshot;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The snapshot side of an {@link AggregateRepository}: finds a stored snapshot that fits, restores it, and takes
 * new ones as its {@link SnapshotPolicy} says. A snapshot can never make a load wrong: anything that does not fit
 * (other fingerprint or type, undecodable, another id, from the future) is logged, counted and ignored, and the
 * repository replays the whole stream. Taking one can never fail a save or a load: failures are logged and counted.
 *
 * @param <A> the aggregate class
 * @param <E> its event family
 */
final class AggregateSnapshots<A extends AggregateRoot<E>, E> {

    private static final System.Logger LOG = System.getLogger("io.factum.aggregate.snapshots");

    /**
     * A restored snapshot to replay on from, or why there is none.
     *
     * @param aggregate the restored aggregate; null if none fits
     * @param revision  the snapshot's revision
     * @param rejection why a stored snapshot was not restored; null if there was none, or it was restored
     */
    record Candidate<A>(A aggregate, long revision, SnapshotRejection rejection) {}

    private final AggregateType<A, E> type;
    private final SnapshotStore store;
    private final SnapshotPolicy policy;
    private final SnapshotStats stats = new SnapshotStats();

    /** @param store null for a repository without snapshots */
    AggregateSnapshots(AggregateType<A, E> type, SnapshotStore store, SnapshotPolicy policy) {
        this.type = type;
        this.store = store;
        this.policy = policy;
        if (store != null && !type.hasSnapshots()) {
            throw new IllegalArgumentException(type.name() + " declares no snapshot, so a snapshot store has nothing to keep;"
                    + " add @Aggregate(snapshot = ...) to " + type.aggregateClass().getName() + " (docs/snapshots.md)");
        }
    }

    SnapshotStats stats() {
        return stats;
    }

    /** The stored snapshot of {@code streamId}, restored, if one fits this code and this aggregate. */
    Candidate<A> candidate(String streamId, String id) {
        if (store == null) {
            return new Candidate<>(null, -1, null);
        }
        Optional<StoredSnapshot> found;
        try {
            found = store.latest(streamId);
        } catch (RuntimeException e) {
            return rejected(streamId, -1, SnapshotRejection.UNREADABLE, e.toString());
        }
        if (found.isEmpty()) {
            return new Candidate<>(null, -1, null);
        }
        StoredSnapshot snapshot = found.get();
        long revision = snapshot.streamRevision();
        if (!snapshot.aggregateType().equals(type.name())) {
            return rejected(streamId, revision, SnapshotRejection.WRONG_TYPE,
                    "taken by aggregate type " + MessageText.quote(snapshot.aggregateType()));
        }
        if (!snapshot.fingerprint().equals(type.snapshotFingerprint())) {
            return rejected(streamId, revision, SnapshotRejection.WRONG_FINGERPRINT, "fingerprint " + snapshot.fingerprint()
                    + ", this code's is " + type.snapshotFingerprint());
        }
        A aggregate;
        try {
            aggregate = type.restoreFrom(type.decodeSnapshot(snapshot.payload()));
        } catch (RuntimeException e) {
            return rejected(streamId, revision, SnapshotRejection.UNDECODABLE, e.toString());
        }
        if (!id.equals(aggregate.id())) {
            return rejected(streamId, revision, SnapshotRejection.WRONG_ID,
                    "it restores id " + MessageText.quote(String.valueOf(aggregate.id())));
        }
        return new Candidate<>(aggregate, revision, null);
    }

    /** Counts and logs a snapshot that was not restored; the load replays the whole stream. */
    Candidate<A> rejected(String streamId, long revision, SnapshotRejection reason, String detail) {
        stats.rejectedOne(reason);
        LOG.log(System.Logger.Level.WARNING, () -> "Ignoring the snapshot of " + MessageText.quote(streamId)
                + (revision >= 0 ? " at revision " + revision : "") + " (" + reason + ": " + detail
                + "); replaying the whole stream");
        return new Candidate<>(null, revision, reason);
    }

    void restored() {
        stats.restoredOne();
    }

    /** After a load: a snapshot if it replayed many events, or found its stored snapshot unusable. */
    void afterLoad(A aggregate, String streamId, long replayed, SnapshotRejection rejection) {
        if (store != null && (policy.afterLoad(replayed) || rejection != null && rejection != SnapshotRejection.UNREADABLE
                && policy.takesSnapshots())) {
            take(aggregate, streamId);
        }
    }

    /** After a save that moved the stream from revision {@code before}: a snapshot if the policy says so. */
    void afterSave(A aggregate, String streamId, long before) {
        if (store != null && policy.afterSave(before, aggregate.storedRevision())) {
            take(aggregate, streamId);
        }
    }

    /**
     * Takes a snapshot of {@code aggregate} at its stored revision (it must have no unsaved events): state on this
     * thread, the write on the policy's executor. Never throws for a failure to take or write it.
     */
    void take(A aggregate, String streamId) {
        long revision = aggregate.storedRevision();
        if (store == null || revision < 0 || !aggregate.pendingEvents().isEmpty()) {
            return;
        }
        StoredSnapshot snapshot;
        try {
            snapshot = new StoredSnapshot(streamId, type.name(), revision, type.snapshotFingerprint(),
                    type.encodeSnapshot(type.snapshotOf(aggregate)), Instant.now().truncatedTo(ChronoUnit.MICROS));
        } catch (RuntimeException e) {
            failed(streamId, revision, "take", e);
            return;
        }
        try {
            policy.writer().execute(() -> write(snapshot));
        } catch (RuntimeException e) {
            failed(streamId, revision, "schedule the write of", e); // a rejecting executor
        }
    }

    private void write(StoredSnapshot snapshot) {
        try {
            store.save(snapshot);
            stats.wroteOne();
        } catch (RuntimeException e) {
            failed(snapshot.streamId(), snapshot.streamRevision(), "write", e);
        }
    }

    private void failed(String streamId, long revision, String what, RuntimeException e) {
        stats.failedOne();
        LOG.log(System.Logger.Level.WARNING, "Could not " + what + " the snapshot of " + MessageText.quote(streamId)
                + " at revision " + revision + "; the events are stored, loads replay them instead", e);
    }
}
