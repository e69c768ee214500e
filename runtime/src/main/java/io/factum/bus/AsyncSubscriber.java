package io.factum.bus;

import io.factum.bus.DeliveryQueue.Delivery;
import io.factum.event.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * <p>At most one drain task per subscriber is submitted or running at any time ({@link Drain}), so
 * the handler is never called concurrently with itself, and the lock hand-over between drains makes
 * each call see the effects of the previous one (the model of Guava's {@code SequentialExecutor}). A
 * failed event stays the subscriber's {@code current} {@link Delivery} while its retry waits on the
 * scheduler, which keeps the rest of this subscriber's queue behind it and leaves every pool thread
 * free for other subscribers. Every mutable field is guarded by {@code lock} unless it says otherwise.
 */
final class AsyncSubscriber {

    /** What the subscribers of one bus share. */
    record Services(
            Executor executor, ScheduledExecutorService scheduler, RetryPolicy retry, DeadLetterStore deadLetters,
            Clock clock) {}

    /** Where the drain is; only the thread that moves it out of {@link #IDLE} submits a drain task. */
    private enum Drain {
        /** No drain task is submitted or running and no retry is scheduled. */
        IDLE,
        /** A drain task is submitted or running (between calls), or a retry is scheduled. */
        SCHEDULED,
        /** The drain is calling the handler, outside the lock. */
        HANDLING
    }

    /** What the subscriber still takes. */
    private enum Intake {
        OPEN,
        /** Accepts nothing more; delivers what it has. */
        CLOSED,
        /** {@code close} gave up waiting: delivers nothing more. */
        ABANDONED
    }

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

    /** The accepted deliveries not taken yet, oldest first. */
    private final DeliveryQueue queue;

    /** The delivery taken from the queue and not finished yet (being handled or waiting for a retry). */
    private Delivery current;
    /** Failed calls of {@link #current} so far, and when the first failed. */
    private int currentFailures;
    private Instant currentFirstFailure;
    private ScheduledFuture<?> pendingRetry;

    private Drain drain = Drain.IDLE;
    private Intake intake = Intake.OPEN;
    /** Not guarded: read without the lock by the bus. */
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
        this.queue = new DeliveryQueue(capacity);
    }

    /**
     * Queues {@code envelope}; when the queue is full, waits up to {@code deadlineNanos} (a
     * {@link System#nanoTime()} value) if {@code block}, for space or for the bus to close.
     *
     * @param letter the dead letter being redelivered, or {@code null} for a fresh event
     */
    Offers.Outcome offer(EventEnvelope<?> envelope, DeadLetter letter, boolean block, long deadlineNanos) {
        lock.lock();
        try {
            while (true) {
                if (intake != Intake.OPEN) {
                    return Offers.Outcome.CLOSED;
                }
                if (!queue.isFull()) {
                    queue.add(new Delivery(envelope, letter));
                    if (drain != Drain.IDLE) {
                        return Offers.Outcome.ACCEPTED;
                    }
                    drain = Drain.SCHEDULED;
                    return Offers.Outcome.ACCEPTED_START_DRAIN;
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (!block || remaining <= 0) {
                    return Offers.Outcome.FULL;
                }
                try {
                    notFull.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    notFull.signal(); // pass on a wake-up this thread may have consumed
                    return Offers.Outcome.FULL;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Submits the drain task; called by whoever moved the drain out of {@link Drain#IDLE}.
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
            Delivery delivery = takeNext();
            if (delivery == null) {
                return;
            }
            if (!finish(delivery, call(delivery.envelope()))) {
                return;
            }
        }
        restartDrain(); // yield the thread: other subscribers share the executor
    }

    /** The delivery to handle next (the current one, after a retry), or {@code null} after going idle. */
    private Delivery takeNext() {
        lock.lock();
        try {
            pendingRetry = null;
            if (intake == Intake.ABANDONED || (current == null && queue.isEmpty())) {
                goIdle();
                return null;
            }
            if (current == null) {
                current = queue.poll();
                currentFailures = 0;
                currentFirstFailure = null;
                notFull.signal();
            }
            drain = Drain.HANDLING;
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
    private boolean finish(Delivery delivery, Throwable failure) {
        DeadLetter letter;
        lock.lock();
        try {
            drain = Drain.SCHEDULED;
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
            if (currentFailures < services.retry().maxAttempts() && intake != Intake.ABANDONED) {
                scheduleRetry(services.retry().delayAfter(currentFailures));
                return false;
            }
            letter = DeadLetter.after(delivery.letter(), name, delivery.envelope(), failure, currentFailures,
                    currentFirstFailure, now);
        } finally {
            lock.unlock();
        }
        return park(letter);
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
            goIdle(); // the scheduler is shut down; the event stays current for a later drain
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
            goIdle();
        } finally {
            lock.unlock();
        }
    }

    /** Called under the lock: no drain runs or waits any more; wakes those waiting for that. */
    private void goIdle() {
        drain = Drain.IDLE;
        idle.signalAll();
    }

    private void clearCurrent() {
        current = null;
        currentFailures = 0;
        currentFirstFailure = null;
    }

    /** Stops accepting events and wakes publishers waiting for space, who then see the bus closed. */
    void close() {
        lock.lock();
        try {
            if (intake == Intake.OPEN) {
                intake = Intake.CLOSED;
            }
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
            while (drain != Drain.IDLE) {
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
            intake = Intake.ABANDONED;
            if (current != null) {
                if (drain == Drain.HANDLING) {
                    stillRunning = current.envelope();
                } else {
                    giveUp(current, notDelivered, lettersToRestore);
                    clearCurrent();
                }
            }
            while (!queue.isEmpty()) {
                giveUp(queue.poll(), notDelivered, lettersToRestore);
            }
            if (pendingRetry != null) {
                pendingRetry.cancel(false);
                pendingRetry = null;
            }
            if (drain != Drain.HANDLING) {
                goIdle();
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

    private static void giveUp(Delivery delivery, List<EventEnvelope<?>> notDelivered, List<DeadLetter> letters) {
        if (delivery.letter() == null) {
            notDelivered.add(delivery.envelope());
        } else {
            letters.add(delivery.letter());
        }
    }

    SubscriberMetrics metrics() {
        lock.lock();
        try {
            return new SubscriberMetrics(name, eventClass, delivered, failedAttempts, deadLettered, queue.size());
        } finally {
            lock.unlock();
        }
    }

    /** Whether it can be forgotten: unsubscribed, with nothing left to deliver. */
    boolean isRetired() {
        lock.lock();
        try {
            return !subscribed && drain == Drain.IDLE && queue.isEmpty() && current == null;
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
