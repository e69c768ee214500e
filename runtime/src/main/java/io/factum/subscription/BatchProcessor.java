package io.factum.subscription;

import io.factum.store.StoredEvent;
import java.util.List;

/** One way of handling a subscription's batches and keeping its checkpoint. */
interface BatchProcessor {

    long loadCheckpoint();

    void saveCheckpoint(long position);

    /**
     * Handles {@code batch}, the events after {@code checkpoint}, and stores the new checkpoint.
     *
     * @return the new checkpoint: the position of the last event handled or parked
     * @throws SubscriptionFailedException when an event can be neither handled nor parked
     * @throws DeliveryRules.SubscriptionStopped when asked to stop during a retry pause
     */
    long process(List<StoredEvent> batch, long checkpoint);

    /** Delivers the parked events again; returns how many were handled and unparked. */
    int retryParked();

    ParkedEvents parkedEvents();
}
