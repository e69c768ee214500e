package io.factum.bus;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead letters of one {@link AsyncEventBus}: events a subscriber failed on after every retry.
 * List them to see what failed and why; once the cause is fixed, redeliver them to the same
 * subscriber (through its queue, in order with its other events), or discard them.
 */
public final class DeadLetters {

    private final DeadLetterStore store;
    private final AsyncEventBus bus;

    DeadLetters(DeadLetterStore store, AsyncEventBus bus) {
        this.store = store;
        this.bus = bus;
    }

    /** Every parked letter, oldest first. */
    public List<DeadLetter> list() {
        return store.list();
    }

    /** How many letters are parked now. */
    public int size() {
        return store.list().size();
    }

    /**
     * Takes the letter out of the store and queues its event for its subscriber again, with a fresh
     * set of attempts. If it fails again it comes back under the same id, its attempts added up.
     * When two callers redeliver the same letter, only one does.
     *
     * @return {@code false} if there is no such letter (already redelivered or discarded)
     * @throws SubscriberNotFoundException if its subscriber is no longer subscribed; the letter stays parked
     * @throws BusOverloadedException      if the subscriber's queue stayed full; the letter stays parked
     * @throws BusClosedException          if the bus is closed; the letter stays parked
     * @throws java.util.concurrent.RejectedExecutionException if a supplied executor refused the drain;
     *                                     the event is queued nevertheless (see {@link AsyncEventBus#publish})
     */
    public boolean redeliver(UUID id) {
        if (bus.isClosed()) {
            throw new BusClosedException("Cannot redeliver dead letter " + id + ": the event bus is closed;"
                    + " the letter stays parked");
        }
        Optional<DeadLetter> claimed = store.remove(id);
        if (claimed.isEmpty()) {
            return false;
        }
        DeadLetter letter = claimed.get();
        try {
            bus.redeliver(letter);
        } catch (SubscriberNotFoundException | BusOverloadedException | BusClosedException notQueued) {
            store.add(letter);
            throw notQueued;
        }
        // Any other exception (a supplied executor refusing the drain) comes after the event was
        // queued: a later drain delivers it, or close() puts the letter back.
        return true;
    }

    /**
     * Redelivers every parked letter, oldest first. Letters whose subscriber is gone stay parked.
     *
     * @return how many letters were queued again
     * @throws BusOverloadedException if a subscriber's queue stayed full; letters not redelivered yet stay parked
     */
    public int redeliverAll() {
        int redelivered = 0;
        for (DeadLetter letter : store.list()) {
            try {
                if (redeliver(letter.id())) {
                    redelivered++;
                }
            } catch (SubscriberNotFoundException e) {
                // stays parked until its subscriber comes back or someone discards it
            }
        }
        return redelivered;
    }

    /**
     * Removes the letter for good.
     *
     * @return {@code false} if there is no such letter
     */
    public boolean discard(UUID id) {
        return store.remove(id).isPresent();
    }
}
