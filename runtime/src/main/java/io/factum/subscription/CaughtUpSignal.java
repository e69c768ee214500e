package io.factum.subscription;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The caught-up signalling of a {@link Subscription}: polls are numbered as they start, a poll that
 * comes back short marks its number caught up, and {@link #awaitCaughtUp} waits for a poll that
 * started after it was called. Also the wake-up the running subscription idles on between polls.
 */
final class CaughtUpSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@link #lock}. */
    private boolean wakeRequested;
    /** Guarded by {@link #lock}. */
    private long pollsStarted;
    /** Guarded by {@link #lock}. */
    private long lastCaughtUpPoll;

    /** A poll starts: returns its number, and a wake-up asked for before it is answered by it. */
    long pollStarted() {
        lock.lock();
        try {
            wakeRequested = false;
            return ++pollsStarted;
        } finally {
            lock.unlock();
        }
    }

    /** Poll {@code pollNumber} came back short: everything committed before it started is delivered. */
    void caughtUp(long pollNumber) {
        lock.lock();
        try {
            lastCaughtUpPoll = Math.max(lastCaughtUpPoll, pollNumber);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the running subscription to poll now, and wakes every waiter to look at the state again. */
    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter to look at the state again (it ended, say), without asking for a poll. */
    void stateChanged() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks for a poll and waits until one that started after this call came back short.
     *
     * @param running whether the subscription still runs; looked at under the lock after every wake-up
     * @return true when caught up; false on timeout or once {@code running} says no
     */
    boolean awaitCaughtUp(Duration timeout, BooleanSupplier running) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long mark = pollsStarted;
            wakeRequested = true;
            changed.signalAll();
            while (lastCaughtUpPoll <= mark) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The idle strategy of the running subscription: waits until a wake-up, {@code interval}, or
     * {@code running} says no, whichever is first.
     */
    void idle(Duration interval, BooleanSupplier running) throws InterruptedException {
        lock.lock();
        try {
            long left = interval.toNanos();
            while (!wakeRequested && running.getAsBoolean() && left > 0) {
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
