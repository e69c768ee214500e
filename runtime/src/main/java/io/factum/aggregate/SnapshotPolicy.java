package io.factum.aggregate;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * When an {@link AggregateRepository} takes snapshots, and on which thread it writes them. Off unless chosen:
 * {@link #never()} is the repository's default.
 *
 * <ul>
 *   <li>{@link #everyEvents(int) everyEvents(n)}: after a save whose events cross a multiple of {@code n}
 *       (revisions {@code n-1}, {@code 2n-1}, ...), so at most one snapshot per {@code n} events;</li>
 *   <li>{@link #whenLoadReplays(int) whenLoadReplays(n)}: after a load that replayed more than {@code n} events,
 *       so the next load replays fewer;</li>
 *   <li>both, with {@link #orWhenLoadReplays(int)}. After a load that found its stored snapshot unusable (another
 *       fingerprint, corrupt, ...), any policy but {@code never()} takes a new one.</li>
 * </ul>
 *
 * <p>A snapshot is taken after the append committed: the state is read (the aggregate's snapshot method and the
 * codec) on the caller's thread, since aggregates are not thread-safe, and by default written there too. With
 * {@link #writtenOn(Executor)} the write runs on that executor instead, off the caller's critical path. Either way
 * a failed snapshot never fails the save: it is logged and counted ({@link SnapshotStats}).
 *
 * @param everyEvents     snapshot after every this many events saved; 0 for never
 * @param whenLoadReplays snapshot after a load that replayed more than this many events; 0 for never
 * @param writer          where snapshot writes run; {@code Runnable::run} for the caller's thread
 */
public record SnapshotPolicy(int everyEvents, int whenLoadReplays, Executor writer) {

    private static final Executor CALLER = Runnable::run;

    public SnapshotPolicy {
        if (everyEvents < 0 || whenLoadReplays < 0) {
            throw new IllegalArgumentException("Snapshot thresholds are 0 (off) or more, were everyEvents=" + everyEvents
                    + ", whenLoadReplays=" + whenLoadReplays);
        }
        Objects.requireNonNull(writer, "writer");
    }

    /** No snapshots are taken (stored ones are still used by loads). */
    public static SnapshotPolicy never() {
        return new SnapshotPolicy(0, 0, CALLER);
    }

    /** A snapshot after every {@code n} events saved. */
    public static SnapshotPolicy everyEvents(int n) {
        return new SnapshotPolicy(positive(n), 0, CALLER);
    }

    /** A snapshot after a load that replayed more than {@code n} events. */
    public static SnapshotPolicy whenLoadReplays(int n) {
        return new SnapshotPolicy(0, positive(n), CALLER);
    }

    /** This policy, and also a snapshot after a load that replayed more than {@code n} events. */
    public SnapshotPolicy orWhenLoadReplays(int n) {
        return new SnapshotPolicy(everyEvents, positive(n), writer);
    }

    /** This policy, with snapshot writes run on {@code executor} rather than the caller's thread. */
    public SnapshotPolicy writtenOn(Executor executor) {
        return new SnapshotPolicy(everyEvents, whenLoadReplays, executor);
    }

    /** Whether this policy ever takes a snapshot. */
    public boolean takesSnapshots() {
        return everyEvents > 0 || whenLoadReplays > 0;
    }

    /** Whether a save that moved the stream from {@code before} to {@code after} crossed a multiple of {@link #everyEvents}. */
    boolean afterSave(long before, long after) {
        return everyEvents > 0 && (after + 1) / everyEvents > (before + 1) / everyEvents;
    }

    /** Whether a load that replayed {@code replayed} events calls for a snapshot. */
    boolean afterLoad(long replayed) {
        return whenLoadReplays > 0 && replayed > whenLoadReplays;
    }

    private static int positive(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("A snapshot threshold must be 1 or more, was " + n);
        }
        return n;
    }
}
