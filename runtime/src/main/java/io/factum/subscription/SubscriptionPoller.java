package io.factum.subscription;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.UnreadableStoredEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The polling logic of a {@link Subscription}: reads the batch after its position and hands it to
 * its {@link BatchProcessor}, one batch at a time, whichever thread asks.
 */
final class SubscriptionPoller implements Poller {

    /** How a poller reads the events after a position: the whole order, or a slice range of it. */
    interface EventReader {
        List<StoredEvent> read(long afterPosition, int maxCount);
    }


    private final EventReader reader;
    /** Which streams' parked events it retries: all of them, or those of its slice range. */
    private final Predicate<String> streams;
    private final BatchProcessor processor;
    private final int batchSize;
    private final CaughtUpSignal signal;
    private final DeliveryRules rules;
    /** Serialises batches: the subscription thread and callers of {@link #pollOnce()} never overlap. */
    private final ReentrantLock processing = new ReentrantLock();
    /**
     * The position of the last event handled or parked; {@code -1} until read back from the
     * checkpoint. Written under {@link #processing}; read without it by {@link #position()}.
     */
    private volatile long position = -1;
    /** Whether the last poll found nothing more to read (or failed reading). Written under {@link #processing}. */
    private volatile boolean lastPollCaughtUp = true;

    SubscriptionPoller(EventStore store, BatchProcessor processor, int batchSize, CaughtUpSignal signal) {
        this(store::readAll, stream -> true, processor, batchSize, signal);
    }

    SubscriptionPoller(EventReader reader, Predicate<String> streams, BatchProcessor processor, int batchSize,
            CaughtUpSignal signal) {
        this.rules = processor.rules;
        this.reader = reader;
        this.streams = streams;
        this.processor = processor;
        this.batchSize = batchSize;
        this.signal = signal;
    }

    int batchSize() {
        return batchSize;
    }

    BatchProcessor processor() {
        return processor;
    }

    /** See {@link Subscription#position()}. */
    @Override
    public long position() {
        long current = position;
        return current >= 0 ? current : processor.peekCheckpoint();
    }

    /**
     * Whether the last poll read everything there was: a short batch, or a failed read (the next
     * poll is worth waiting for). A full batch, or one cut short by an unreadable row, is not.
     */
    @Override
    public boolean lastPollCaughtUp() {
        return lastPollCaughtUp;
    }

    /** The next poll reads the position back from the checkpoint (a run starts). */
    @Override
    public void forgetPosition() {
        position = -1;
    }

    /** See {@link Subscription#pollOnce()}. */
    @Override
    public int pollOnce() {
        processing.lock();
        try {
            long pollNumber = signal.pollStarted();
            if (position < 0) {
                position = processor.loadCheckpoint();
            }
            lastPollCaughtUp = true; // unless a full batch or an unreadable row says otherwise
            List<StoredEvent> batch;
            boolean unreadableRow = false;
            try {
                batch = reader.read(position, batchSize);
            } catch (UnreadableStoredEventException e) {
                // Deliver the events before the bad row, then stop at it or park it as onUndecodable says.
                batch = new ArrayList<>(e.eventsBefore());
                batch.add(rules.unreadable(e));
                unreadableRow = true;
            }
            if (!batch.isEmpty()) {
                try {
                    position = processor.process(batch, position);
                } catch (RuntimeException e) {
                    // The processor saved what it finished; read it back rather than guess.
                    position = -1;
                    throw e;
                }
            }
            if (batch.size() < batchSize && !unreadableRow) {
                processor.saveUnsavedCheckpoint(); // caught up, or idle from now on: nothing to save time on
                signal.caughtUp(pollNumber);
            } else {
                lastPollCaughtUp = false;
            }
            return batch.size();
        } finally {
            processing.unlock();
        }
    }

    /** See {@link Subscription#retryParked()}. */
    @Override
    public int retryParked() {
        processing.lock();
        try {
            return processor.retryParked(streams);
        } finally {
            processing.unlock();
        }
    }

    /**
     * Sets the checkpoint back to 0 between batches.
     *
     * @param refuse called first, between batches; throws to refuse the reset
     */
    @Override
    public void reset(Runnable refuse) {
        processing.lock();
        try {
            refuse.run();
            processor.saveCheckpoint(0);
            position = 0;
        } finally {
            processing.unlock();
        }
    }

    @Override
    public long peekCheckpoint() {
        return processor.peekCheckpoint();
    }

    @Override
    public void forgetUnsavedCheckpoint() {
        processor.forgetUnsavedCheckpoint();
    }

    @Override
    public List<ParkedEvent> parkedEvents() {
        return processor.parkedEvents().list(rules.subscription);
    }

    /**
     * After a short batch, moves the checkpoint up to {@code head}, a last position read before
     * that batch: it read every event of its range up to there, so none lies between (a slice
     * range whose own events are behind others' would otherwise keep an old checkpoint).
     */
    void advanceTo(long head) {
        processing.lock();
        try {
            if (position >= 0 && position < head) {
                processor.saveCheckpoint(head);
                position = head;
            }
        } finally {
            processing.unlock();
        }
    }

    /** Saves what the polls handled but left unsaved; never in the middle of a batch. */
    @Override
    public void saveUnsavedCheckpoint() {
        processing.lock();
        try {
            processor.saveUnsavedCheckpoint();
        } finally {
            processing.unlock();
        }
    }
}
