package io.factum.store;

import java.time.Instant;
import java.util.List;

/**
 * The event store contract. Every implementation (in-memory, SQLite, PostgreSQL) passes the
 * same contract test suite ({@code EventStoreContract} in the runtime's test jar).
 *
 * <h2>Streams and positions</h2>
 * A stream is the ordered history of one aggregate, identified by a stream id (see
 * {@link StreamIds} for what is valid). Its events have revisions 0, 1, 2, ... without gaps.
 * Every event also has a global position: increasing in commit-visible order across all
 * streams, starting above 0, not necessarily contiguous.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic append</b>: all events of one append are stored, with contiguous revisions, or none is.</li>
 *   <li><b>Optimistic concurrency</b>: if {@code expected} does not accept the stream's current revision,
 *       nothing is stored and {@link WrongExpectedRevisionException} names the stream, expected and actual.
 *       Of concurrent appends at the same exact revision exactly one wins.</li>
 *   <li><b>Idempotent retry</b>: re-appending events whose ids are all already stored in the same stream, at
 *       consecutive revisions in the same order, succeeds without storing them again and returns the
 *       original append's result; the expected revision is not checked again. Any other overlap with
 *       stored ids (part of the batch, another stream, another order, an id twice in one append) fails
 *       with {@link DuplicateEventIdException}.</li>
 *   <li><b>Empty append</b>: checks the expected revision and stores nothing.</li>
 *   <li><b>Global order never skips</b>: a reader that follows {@link #readAll} with the last position it saw
 *       never misses an event committed later with a lower position, and never sees an uncommitted one.</li>
 * </ul>
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends {@code events} to the end of {@code streamId}, atomically.
     *
     * @throws WrongExpectedRevisionException when {@code expected} does not hold; nothing was written
     * @throws DuplicateEventIdException      when an event id is already stored elsewhere; nothing was written
     * @throws InvalidStreamIdException       when the stream id is empty, too long or has control characters
     * @throws PayloadTooLargeException       when a payload exceeds the store's limit
     */
    AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events);

    /**
     * Reads up to {@code maxCount} events of one stream, in revision order, starting at
     * {@code fromRevision} (inclusive). An unknown stream reads as empty.
     *
     * @throws InvalidStreamIdException if the stream id is invalid
     * @throws IllegalArgumentException if {@code fromRevision < 0} or {@code maxCount < 1}
     */
    List<StoredEvent> readStream(String streamId, long fromRevision, int maxCount);

    /**
     * Reads up to {@code maxCount} events of all streams in global order whose position is greater
     * than {@code afterPosition}. Start with {@code 0}; continue with the last position returned.
     *
     * @throws IllegalArgumentException if {@code afterPosition < 0} or {@code maxCount < 1}
     */
    List<StoredEvent> readAll(long afterPosition, int maxCount);

    /** The last revision of {@code streamId}, or {@code -1} if the stream does not exist. */
    long streamRevision(String streamId);

    /**
     * The highest global position stored, {@code 0} when the store is empty: where a reader that
     * wants only what comes next starts. Every store of Factum implements it; the default, for
     * other implementations, says it is missing.
     */
    default long lastPosition() {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement lastPosition(), which "
                + "a subscription starting from the end of the store needs");
    }

    /**
     * The position of the last event committed before {@code time} by the store's own clock (not
     * the events' {@code occurredAt}, which the caller chose), {@code 0} if none was: a reader that
     * starts after it sees everything committed from {@code time} on. Every store of Factum
     * implements it; the default, for other implementations, says it is missing.
     */
    default long lastPositionCommittedBefore(Instant time) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement "
                + "lastPositionCommittedBefore(Instant), which a subscription starting from a point in time needs");
    }

    /** Releases resources the store owns (not a {@code DataSource} it was given). */
    @Override
    default void close() {}
}
