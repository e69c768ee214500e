package io.factum.subscription;

import io.factum.store.EventStore;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a subscription starts when it has no checkpoint yet: from the beginning (the default),
 * from the current end (a new reader that only wants what comes next), after a global position,
 * or from a point in time by the store's commit times. It is resolved once, when the subscription
 * first finds no checkpoint, and saved as its checkpoint right away, so a restart goes on from
 * there and never resolves it again. A subscription with a checkpoint ignores it;
 * {@link Subscription#reset()} sets the checkpoint to 0, the beginning.
 */
public final class StartPosition {

    private static final StartPosition BEGINNING = new StartPosition(Kind.BEGINNING, 0, null);
    private static final StartPosition END = new StartPosition(Kind.END, 0, null);

    private enum Kind { BEGINNING, END, AFTER, COMMITTED_FROM }

    private final Kind kind;
    private final long position;
    private final Instant time;

    private StartPosition(Kind kind, long position, Instant time) {
        this.kind = kind;
        this.position = position;
        this.time = time;
    }

    /** Every event, from the first. */
    public static StartPosition beginning() {
        return BEGINNING;
    }

    /** Only events committed after the subscription first starts: it skips what is stored then. */
    public static StartPosition end() {
        return END;
    }

    /** The events after global position {@code position} ({@code 0} is the beginning). */
    public static StartPosition after(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("A start position must be >= 0, was " + position);
        }
        return new StartPosition(Kind.AFTER, position, null);
    }

    /**
     * The events committed at or after {@code time}, by the time the store assigned at commit (on
     * PostgreSQL to the microsecond, on SQLite to the millisecond, in memory by the store's clock),
     * not the events' {@code occurredAt}. Events stored before the 0.2 migration have no commit time
     * and count as earlier than any time.
     */
    public static StartPosition committedFrom(Instant time) {
        return new StartPosition(Kind.COMMITTED_FROM, 0, Objects.requireNonNull(time, "time"));
    }

    /** The checkpoint to start from: the position of the last event to skip. */
    long resolve(EventStore store) {
        return switch (kind) {
            case BEGINNING -> 0;
            case END -> store.lastPosition();
            case AFTER -> position;
            case COMMITTED_FROM -> store.lastPositionCommittedBefore(time);
        };
    }

    /** Whether this is the beginning, which needs nothing saved to be found again. */
    boolean isBeginning() {
        return kind == Kind.BEGINNING || kind == Kind.AFTER && position == 0;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BEGINNING -> "the beginning";
            case END -> "the end";
            case AFTER -> "after position " + position;
            case COMMITTED_FROM -> "events committed from " + time;
        };
    }
}
