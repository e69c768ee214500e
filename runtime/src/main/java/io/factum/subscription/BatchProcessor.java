package io.factum.subscription;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;
import java.util.function.Predicate;

/**
 * One way of handling a subscription's batches. What both ways share lives here: loading and
 * saving the checkpoint, the parked events and redelivering them; how a batch and one redelivery
 * run is up to the subclass.
 */
abstract class BatchProcessor {

    final DeliveryRules rules;
    final CheckpointSaver checkpoint;
    private final EventStore store;
    private final ParkedEvents parked;

    BatchProcessor(DeliveryRules rules, EventStore store, CheckpointSaver checkpoint, ParkedEvents parked) {
        this.rules = rules;
        this.store = store;
        this.checkpoint = checkpoint;
        this.parked = parked;
    }

    /** Where to go on from: the last position handled, saved or not yet. */
    final long loadCheckpoint() {
        return checkpoint.load();
    }

    /** As {@link #loadCheckpoint()}, saving nothing (it may resolve the start position without saving it). */
    final long peekCheckpoint() {
        return checkpoint.peek();
    }

    /** Forgets progress not saved yet: this instance lost its lease, and another went on from the saved checkpoint. */
    final void forgetUnsavedCheckpoint() {
        checkpoint.forgetUnsaved();
    }

    final void saveCheckpoint(long position) {
        checkpoint.save(position);
    }

    /** Saves the checkpoint if a save was put off; before stopping, and once caught up. */
    final void saveUnsavedCheckpoint() {
        checkpoint.saveUnsaved();
    }

    final ParkedEvents parkedEvents() {
        return parked;
    }

    /**
     * Handles {@code batch}, the events after {@code checkpoint}, and stores the new checkpoint, or
     * (handlers, while catching up) leaves it for a later save. Before it throws, it saves the
     * position of the last event handled or parked.
     *
     * @return the new checkpoint: the position of the last event handled or parked
     * @throws SubscriptionFailedException when an event can be neither handled nor parked
     * @throws DeliveryRules.SubscriptionStopped when asked to stop during a retry pause
     * @throws SubscriptionInterruptedException when the thread is interrupted during a retry pause
     */
    abstract long process(List<StoredEvent> batch, long checkpoint);

    /**
     * Delivers the parked events again, oldest first; those handled now are removed from the list,
     * the others stay parked with their new error. Only those of {@code streams}.
     *
     * @return how many were handled and unparked
     */
    final int retryParked(Predicate<String> streams) {
        int handled = 0;
        for (ParkedEvent parkedEvent : parked.list(rules.subscription)) {
            if (!streams.test(parkedEvent.streamId())) {
                continue; // another slice range's, which another instance may hold
            }
            StoredEvent event = rules.readAt(store, parkedEvent.globalPosition());
            if (event == null) {
                continue;
            }
            Throwable failure = redeliver(event);
            if (failure == null) {
                handled++;
            } else {
                parked.park(rules.subscription, event, DeliveryRules.describe(failure));
            }
        }
        return handled;
    }

    /**
     * Handles a parked event once more and, if that worked, removes it from the parked events.
     *
     * @return null when handled and unparked; else why not (undecodable, or the handler failed)
     */
    abstract Throwable redeliver(StoredEvent event);
}
