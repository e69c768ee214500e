package io.factum.store.jdbc;

import io.factum.MessageText;
import io.factum.store.AppendResult;
import io.factum.store.ExpectedRevision;
import io.factum.store.NewEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: combines the concurrent appends of one store into batches, each written by one
 * transaction (leader/follower combining, as in a database's own group commit).
 *
 * <p>Every append joins a FIFO queue and waits. When no batch is being written, the thread whose
 * append is still queued becomes the <em>leader</em>: it takes a batch from the queue, writes it
 * through the {@link BatchWriter} (outside this queue's lock, so other appends keep queueing),
 * completes every append of the batch with its own result or error, and then hands leadership on
 * to the owner of the oldest queued append. Its own append is in its batch unless appends queued
 * before it were left for later; then it writes the next batch too, and since every batch takes
 * the oldest queued append, it leads at most as many batches as there were appends before its own.
 *
 * <p>A batch holds at most one append per stream, so the stream's revision check stays exact and
 * appends to one stream are written in the order they were queued: an append left for a later
 * batch holds back every later append of its stream. Appends of a batch share no event id (else
 * the batch insert would fail on the unique key; the later one is left for the next batch, where
 * it sees the earlier one stored). A batch takes at most {@code maxEvents} events and
 * {@code maxAppends} appends, except that the oldest queued append always goes, however large.
 *
 * <p>Waiting is not interruptible: a waiting append may already be in a batch being written, so
 * abandoning it would leave its caller not knowing whether it was stored. An interrupt is kept and
 * is still set when the append returns or throws. A leader writes with its interrupt flag cleared
 * (a JDBC driver or pool might otherwise abort other callers' appends) and set again afterwards.
 */
final class AppendQueue {

    /** Writes a batch of appends in one transaction and completes every one of them. */
    @FunctionalInterface
    interface BatchWriter {
        /** Completes each append of {@code batch} with {@link Pending#succeed} or {@link Pending#fail}. */
        void write(List<Pending> batch);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final BatchWriter writer;
    private final int maxEvents;
    private final int maxAppends;
    /** Whether some thread is writing a batch; guarded by {@link #lock}. */
    private boolean leading;

    /**
     * @param maxEvents  most events in one batch (an older append larger than this goes alone)
     * @param maxAppends most appends in one batch
     */
    AppendQueue(BatchWriter writer, int maxEvents, int maxAppends) {
        if (maxEvents < 1 || maxAppends < 1) {
            throw new IllegalArgumentException("maxEvents and maxAppends must be >= 1, were " + maxEvents + " and " + maxAppends);
        }
        this.writer = writer;
        this.maxEvents = maxEvents;
        this.maxAppends = maxAppends;
    }

    /**
     * Queues the append and returns its result once a batch holding it has been written.
     *
     * @param events validated, without nulls; read once, here, so the queue and the writer never
     *               touch the caller's list (another thread changing it cannot hold up or fail the
     *               other appends of its batch)
     */
    AppendResult append(String streamId, ExpectedRevision expected, List<NewEvent> events) {
        Pending mine = new Pending(streamId, expected, List.copyOf(events), lock.newCondition());
        lock.lock();
        try {
            queue.addLast(mine);
            while (mine.state != State.DONE) {
                if (mine.state == State.QUEUED && !leading) {
                    lead(mine);
                } else {
                    mine.wakeUp.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** Appends queued and not yet taken into a batch. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Writes batches until {@code mine} is written, then wakes the owner of the oldest queued append to lead. */
    private void lead(Pending mine) {
        leading = true;
        try {
            while (mine.state == State.QUEUED) {
                write(takeBatch());
            }
        } catch (Error e) {
            // Only an Error gets here (the writer catches the rest). Withdraw the append if it was not written yet,
            // before the lead is handed on: it may be the oldest queued, and nobody else would wake its owner.
            queue.remove(mine);
            throw e;
        } finally {
            leading = false;
            Pending next = queue.peekFirst();
            if (next != null) {
                next.wakeUp.signal();
            }
        }
    }

    /** Called holding the lock; releases it while the batch is written. */
    private void write(List<Pending> batch) {
        lock.unlock();
        boolean interrupted = Thread.interrupted();
        Throwable unexpected = null;
        try {
            writer.write(batch);
        } catch (RuntimeException | Error e) {
            unexpected = e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
        }
        for (Pending pending : batch) {
            if (pending.result == null && pending.failure == null) {
                // The writer completes every append; if it threw instead, no caller may wait forever.
                pending.failure = unexpected instanceof Error ? unexpected
                        : new IllegalStateException("Group commit left the append to stream " + MessageText.quote(pending.streamId)
                                + "' without an outcome; it may or may not have been stored", unexpected);
            }
            pending.state = State.DONE;
            pending.wakeUp.signal();
        }
        if (unexpected instanceof Error error) {
            throw error;
        }
    }

    /** Takes the next batch from the queue, oldest first; called holding the lock. */
    private List<Pending> takeBatch() {
        List<Pending> batch = new ArrayList<>();
        Set<String> streams = new HashSet<>();
        Set<UUID> ids = new HashSet<>();
        int events = 0;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext() && batch.size() < maxAppends && events < maxEvents; ) {
            Pending next = it.next();
            // A stream already in the batch, or with an older append left behind, waits for a later batch.
            boolean fits = streams.add(next.streamId)
                    && (batch.isEmpty() || events + next.events.size() <= maxEvents && !sharesAnId(next, ids));
            if (fits) {
                it.remove();
                next.state = State.IN_BATCH;
                batch.add(next);
                events += next.events.size();
                next.events.forEach(event -> ids.add(event.eventId()));
            }
        }
        return batch;
    }

    private static boolean sharesAnId(Pending append, Set<UUID> ids) {
        for (NewEvent event : append.events) {
            if (ids.contains(event.eventId())) {
                return true;
            }
        }
        return false;
    }

    private enum State { QUEUED, IN_BATCH, DONE }

    /** One caller's append, from queueing to its outcome. */
    static final class Pending {
        final String streamId;
        final ExpectedRevision expected;
        final List<NewEvent> events;
        private final Condition wakeUp;
        /** Guarded by the queue's lock. */
        private State state = State.QUEUED;
        /** Written by the leader before it marks the append done under the lock, read by the owner after. */
        private AppendResult result;
        private Throwable failure;

        private Pending(String streamId, ExpectedRevision expected, List<NewEvent> events, Condition wakeUp) {
            this.streamId = streamId;
            this.expected = expected;
            this.events = events;
            this.wakeUp = wakeUp;
        }

        void succeed(AppendResult result) {
            this.result = result;
        }

        /** {@code failure} must be this append's own exception: its owner rethrows it. */
        void fail(RuntimeException failure) {
            this.failure = failure;
        }

        private AppendResult outcome() {
            if (failure instanceof RuntimeException e) {
                // Made for this caller only, usually in the leader's thread: show where the caller is.
                e.fillInStackTrace();
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
