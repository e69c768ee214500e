package io.factum.bus;

import io.factum.event.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One subscriber of the {@link AsyncEventBus}: a bounded queue and a drain that hands its events to
 * the handler, one at a time, in queue order.
 *
 * <p>At most one drain task per subscriber is submitted or running at any time ({@code running}),
 * so the handler is never called concurrently with itself, and the lock hand-over between drains
 * makes each call see the effects of the previous one. A failed event stays the subscriber's
 * {@code current} event while its retry waits on the scheduler, which keeps the rest of this
 * subscriber's queue behind it and leaves every pool thread free for other subscribers.
 */
final class AsyncSubscriber {

    /** Outcome of offering an event to the queue. */
    enum Offer {
        ACCEPTED,
        /** Accepted, and no drain was running: the caller must {@link #startDrain()}. */
        ACCEPTED_START_DRAIN,
        FULL,
        CLOSED
    }

    /** What the subscribers of one bus share. */
    record Services(
            Executor executor, ScheduledExecutorService scheduler, RetryPolicy retry, DeadLetterStore deadLetters,
            Clock clock) {}

    /** Events handled per drain task before it yields its thread to other subscribers. */
    private static final int DRAIN_BATCH = 64;

    final String name;
    final Class<?> eventClass;
    private final EventHandler<Object> handler;
    private final Services services;
    private final Runnable drainTask = this::drain;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition idle = lock.newCondition();

    // Ring buffer of accepted events. A redelivered dead letter travels next to its event, so a
    // repeated failure updates the same letter.
    private final EventEnvelope<?>[] queue;
    private final DeadLetter[] redeliveries;
    private int head;
    private int size;

    // The event taken from the queue and not finished yet (being handled or waiting for a retry).
    private EventEnvelope<?> current;
    private DeadLetter currentLetter;
    private int currentFailures;
    private Instant currentFirstFailure;
    private ScheduledFuture<?> pendingRetry;

    private boolean running; // a drain is submitted or running, or a retry is scheduled
    private boolean handling; // the handler is being called, outside the lock
    private boolean closed; // accepts nothing more
    private boolean abandoned; // close gave up waiting: deliver nothing more
    private volatile boolean subscribed = true;

    private long delivered;
    private long failedAttempts;
    private long deadLettered;

    @SuppressWarnings("unchecked") // the bus only hands this subscriber payloads of eventClass
    AsyncSubscriber(String name, Class<?> eventClass, EventHandler<?> handler, int capacity, Services services) {
        this.name = name;
        this.eventClass = eventClass;
        this.handler = (EventHandler<Object>) handler;
        this.services = services;
        this.queue = new EventEnvelope<?>[capacity];
        this.redeliveries = new DeadLetter[capacity];
    }

    /**
     * Queues {@code envelope}; when the queue is full, waits up to {@code deadlineNanos} (a
     * {@link System#nanoTime()} value) if {@code block}, for space or for the bus to close.
     *
     * @param letter the dead letter being redelivered, or {@code null} for a fresh event
     */
    Offer offer(EventEnvelope<?> envelope, DeadLetter letter, boolean block, long deadlineNanos) {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return Offer.CLOSED;
                }
                if (size < queue.length) {
                    int tail = (head + size) % queue.length;
                    queue[tail] = envelope;
                    redeliveries[tail] = letter;
                    size++;
                    if (running) {
                        return Offer.ACCEPTED;
                    }
                    running = true;
                    return Offer.ACCEPTED_START_DRAIN;
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (!block || remaining <= 0) {
                    return Offer.FULL;
                }
                try {
                    notFull.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    notFull.signal(); // pass on a wake-up this thread may have consumed
                    return Offer.FULL;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Submits the drain task; called by whoever set {@code running}.
     *
     * @throws RejectedExecutionException if the executor refuses it; the events stay queued
     */
    void startDrain() {
        try {
            services.executor().execute(drainTask);
        } catch (RejectedExecutionException e) {
            stopRunning();
            throw e;
        }
    }

    private void drain() {
        for (int budget = DRAIN_BATCH; budget > 0; budget--) {
            EventEnvelope<?> envelope = takeNext();
            if (envelope == null) {
                return;
            }
            if (!finish(envelope, call(envelope))) {
                return;
            }
        }
        restartDrain(); // yield the thread: other subscribers share the executor
    }

    /** The event to handle next (the current one, after a retry), or {@code null} after going idle. */
    private EventEnvelope<?> takeNext() {
        lock.lock();
        try {
            pendingRetry = null;
            if (abandoned || (current == null && size == 0)) {
                running = false;
                idle.signalAll();
                return null;
            }
            if (current == null) {
                current = queue[head];
                currentLetter = redeliveries[head];
                queue[head] = null;
                redeliveries[head] = null;
                head = (head + 1) % queue.length;
                size--;
                currentFailures = 0;
                currentFirstFailure = null;
                notFull.signal();
            }
            handling = true;
            return current;
        } finally {
            lock.unlock();
        }
    }

    private Throwable call(EventEnvelope<?> envelope) {
        try {
            @SuppressWarnings("unchecked")
            EventEnvelope<Object> typed = (EventEnvelope<Object>) envelope;
            handler.handle(typed);
            return null;
        } catch (Throwable failure) { // any failure, Errors included, must not kill the drain
            return failure;
        }
    }

    /** Records the outcome of one call; returns whether the drain goes on with the next event. */
    private boolean finish(EventEnvelope<?> envelope, Throwable failure) {
        DeadLetter letter;
        lock.lock();
        try {
            handling = false;
            if (failure == null) {
                delivered++;
                clearCurrent();
                return true;
            }
            failedAttempts++;
            currentFailures++;
            Instant now = services.clock().instant();
            if (currentFirstFailure == null) {
                currentFirstFailure = now;
            }
            if (currentFailures < services.retry().maxAttempts() && !abandoned) {
                scheduleRetry(services.retry().delayAfter(currentFailures));
                return false;
            }
            letter = deadLetter(envelope, failure, now);
        } finally {
            lock.unlock();
        }
        return park(letter);
    }

    private DeadLetter deadLetter(EventEnvelope<?> envelope, Throwable failure, Instant now) {
        if (currentLetter == null) {
            return new DeadLetter(UUID.randomUUID(), name, envelope, failure, currentFailures, currentFirstFailure, now);
        }
        return new DeadLetter(currentLetter.id(), name, envelope, failure, currentLetter.attempts() + currentFailures,
                currentLetter.firstFailedAt(), now);
    }

    /** Parks the letter outside the lock (the store may be slow); returns whether the drain goes on. */
    private boolean park(DeadLetter letter) {
        RuntimeException storeFailure = null;
        try {
            services.deadLetters().add(letter);
        } catch (RuntimeException e) {
            storeFailure = e;
        }
        lock.lock();
        try {
            if (storeFailure == null) {
                deadLettered++;
                clearCurrent();
                return true;
            }
            // The store refused it: keep the event as current and try it (and then parking) again later.
            scheduleRetry(services.retry().maxDelay());
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock: the current event waits {@code delay}, then a new drain retries it. */
    private void scheduleRetry(Duration delay) {
        try {
            pendingRetry = services.scheduler().schedule(this::restartDrain, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            running = false; // the scheduler is shut down; the event stays current for a later drain
            idle.signalAll();
        }
    }

    /** Submits the drain again from a retry timer or after a batch; nobody is there to tell if it is refused. */
    private void restartDrain() {
        try {
            services.executor().execute(drainTask);
        } catch (RejectedExecutionException e) {
            stopRunning(); // the events stay queued: close() reports them, a later publish restarts the drain
        }
    }

    private void stopRunning() {
        lock.lock();
        try {
            running = false;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void clearCurrent() {
        current = null;
        currentLetter = null;
        currentFailures = 0;
        currentFirstFailure = null;
    }

    /** Stops accepting events and wakes publishers waiting for space, who then see the bus closed. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until nothing is queued, handled or waiting for a retry, or until {@code deadlineNanos}.
     *
     * @return whether the subscriber went idle in time
     */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (running) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                idle.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up on everything not delivered yet, after {@link #close()} timed out. A call that is
     * running finishes (and is dead-lettered if it fails); nothing else is delivered. Redelivered
     * dead letters go back to the store.
     *
     * @return what this subscriber did not deliver, or {@code null} if nothing
     */
    ShutdownReport.Undelivered abandon() {
        List<EventEnvelope<?>> notDelivered = new ArrayList<>();
        List<DeadLetter> lettersToRestore = new ArrayList<>();
        EventEnvelope<?> stillRunning = null;
        lock.lock();
        try {
            abandoned = true;
            if (current != null) {
                if (handling) {
                    stillRunning = current;
                } else {
                    giveUp(current, currentLetter, notDelivered, lettersToRestore);
                    clearCurrent();
                }
            }
            while (size > 0) {
                giveUp(queue[head], redeliveries[head], notDelivered, lettersToRestore);
                queue[head] = null;
                redeliveries[head] = null;
                head = (head + 1) % queue.length;
                size--;
            }
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
                pendingRetry = null;
            }
            if (!handling) {
                running = false;
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
        for (DeadLetter letter : lettersToRestore) {
            services.deadLetters().add(letter);
        }
        if (notDelivered.isEmpty() && stillRunning == null) {
            return null;
        }
        return new ShutdownReport.Undelivered(name, eventClass, notDelivered, stillRunning);
    }

    private static void giveUp(
            EventEnvelope<?> envelope, DeadLetter letter, List<EventEnvelope<?>> notDelivered, List<DeadLetter> letters) {
        if (letter == null) {
            notDelivered.add(envelope);
        } else {
            letters.add(letter);
        }
    }

    SubscriberMetrics metrics() {
        lock.lock();
        try {
            return new SubscriberMetrics(name, eventClass, delivered, failedAttempts, deadLettered, size);
        } finally {
            lock.unlock();
        }
    }

    /** Whether it can be forgotten: unsubscribed, with nothing left to deliver. */
    boolean isRetired() {
        lock.lock();
        try {
            return !subscribed && !running && size == 0 && current == null;
        } finally {
            lock.unlock();
        }
    }

    boolean isSubscribed() {
        return subscribed;
    }

    void markUnsubscribed() {
        subscribed = false;
    }
}
