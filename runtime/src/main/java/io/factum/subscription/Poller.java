package io.factum.subscription;

import java.util.List;

/**
 * What a {@link Subscription} and its thread ask of its polling: one {@link SubscriptionPoller}
 * over the whole order (single-process and exclusive mode), or a {@link PartitionedPoller} over the
 * slice ranges this instance holds.
 */
interface Poller {

    /** See {@link Subscription#pollOnce()}. */
    int pollOnce();

    /** Whether the last poll read everything there was, so the next one is worth waiting for. */
    boolean lastPollCaughtUp();

    /** The next poll reads its position back from the saved checkpoint (a run starts). */
    void forgetPosition();

    /** See {@link Subscription#position()}. */
    long position();

    /** As {@link #position()}, saving nothing (a start position is resolved, not saved). */
    long peekCheckpoint();

    /** Forgets progress not saved yet: the lease was lost, and another instance went on from the saved checkpoint. */
    void forgetUnsavedCheckpoint();

    /** Saves what the polls handled but left unsaved; never in the middle of a batch. */
    void saveUnsavedCheckpoint();

    /** Sets the checkpoint back to 0 between batches, after {@code refuse} (which throws to refuse it). */
    void reset(Runnable refuse);

    /** See {@link Subscription#retryParked()}. */
    int retryParked();

    /** See {@link Subscription#parkedEvents()}. */
    List<ParkedEvent> parkedEvents();

    /** A run of the subscription's thread ended, after its last save: give up what it held. */
    default void runEnded() {}
}
