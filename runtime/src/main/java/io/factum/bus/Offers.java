package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * How the {@link AsyncEventBus} offers an event to its subscribers' queues, under its full-queue
 * policy (wait up to a timeout, or reject at once), and what each outcome means for the publisher.
 */
final class Offers {

    /** Outcome of offering an event to one subscriber's queue. */
    enum Outcome {
        ACCEPTED,
        /** Accepted, and no drain was running: the caller must {@link AsyncSubscriber#startDrain()}. */
        ACCEPTED_START_DRAIN,
        FULL,
        CLOSED
    }

    private final int queueCapacity;
    private final boolean blockWhenFull;
    private final long blockTimeoutNanos;

    Offers(int queueCapacity, boolean blockWhenFull, long blockTimeoutNanos) {
        this.queueCapacity = queueCapacity;
        this.blockWhenFull = blockWhenFull;
        this.blockTimeoutNanos = blockTimeoutNanos;
    }

    /** See {@link AsyncEventBus#publish}: offers {@code envelope} to every target, in order. */
    void publish(AsyncSubscriber[] targets, EventEnvelope<?> envelope) {
        long deadline = deadline();
        List<String> overloaded = null;
        boolean closedMeanwhile = false;
        RejectedExecutionException rejected = null;
        for (AsyncSubscriber subscriber : targets) {
            if (closedMeanwhile) {
                // Queuing for the subscribers close() has not reached yet would only add to its report.
                break;
            }
            switch (subscriber.offer(envelope, null, blockWhenFull, deadline)) {
                case ACCEPTED:
                    break;
                case ACCEPTED_START_DRAIN:
                    try {
                        subscriber.startDrain();
                    } catch (RejectedExecutionException e) {
                        rejected = e;
                    }
                    break;
                case FULL:
                    if (overloaded == null) {
                        overloaded = new ArrayList<>();
                    }
                    overloaded.add(subscriber.name);
                    break;
                case CLOSED:
                    closedMeanwhile = true;
                    break;
            }
        }
        if (closedMeanwhile) {
            throw new BusClosedException("The event bus closed while publishing " + SubscriberException.describe(envelope)
                    + "; subscribers that had queued it before the close got it or are listed in the shutdown report");
        }
        if (overloaded != null) {
            throw new BusOverloadedException(envelope, overloaded, describe());
        }
        if (rejected != null) {
            throw rejected;
        }
    }

    /** See {@link AsyncEventBus#redeliver}. */
    void redeliver(AsyncSubscriber subscriber, DeadLetter letter) {
        switch (subscriber.offer(letter.envelope(), letter, blockWhenFull, deadline())) {
            case ACCEPTED:
                return;
            case ACCEPTED_START_DRAIN:
                subscriber.startDrain();
                return;
            case FULL:
                throw new BusOverloadedException(letter.envelope(), List.of(subscriber.name),
                        describe() + ", while redelivering dead letter " + letter.id());
            case CLOSED:
            default:
                throw new BusClosedException("Cannot redeliver dead letter " + letter.id()
                        + ": the event bus closed; the letter stays parked");
        }
    }

    /** Until when an offer may wait for space (a {@link System#nanoTime()} value); unused when rejecting. */
    private long deadline() {
        return blockWhenFull ? System.nanoTime() + blockTimeoutNanos : 0;
    }

    private String describe() {
        return blockWhenFull
                ? "capacity " + queueCapacity + ", waited " + Duration.ofNanos(blockTimeoutNanos)
                : "capacity " + queueCapacity + ", reject policy";
    }

    static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE / 2; // far enough in the future, and nanoTime() + it does not overflow
        }
    }
}
