package io.factum.subscription;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an {@link Agent} on a thread until it is closed, in the shape of Agrona's
 * {@code AgentRunner}: a work loop whose {@link Agent#doWork()} returns how much it did, an
 * {@link IdleStrategy} between units of work, and close by tombstone. One runner is one run: a
 * subscription started again gets a new runner.
 *
 * <p>{@link #close()} swaps in a tombstone for the thread. A run that has not begun its loop by then
 * finds the tombstone and never does any work, so closing cannot race starting; either way
 * {@link Agent#onClose()} runs once, on the runner's thread, as the run ends.
 */
final class SubscriptionRunner implements Runnable {

    /** Work done one unit at a time on the runner's thread. */
    interface Agent {
        /**
         * Does one unit of work.
         *
         * @return how much it did; the idle strategy decides from it whether to wait
         * @throws Termination to end the run
         */
        int doWork();

        /** The run has ended, by close, termination, interrupt or an error; runs once, last. */
        void onClose();
    }

    /** What the runner does between units of work. */
    interface IdleStrategy {
        /** Waits as fits {@code workCount}, the result of the last {@link Agent#doWork()}. */
        void idle(int workCount, SubscriptionRunner runner) throws InterruptedException;
    }

    /** Thrown by {@link Agent#doWork()} to end the run. */
    static final class Termination extends RuntimeException {
        Termination() {
            super(null, null, false, false);
        }
    }

    /** Stands in for the thread once the runner is closed. */
    private static final Thread TOMBSTONE = new Thread(() -> {}, "factum-subscription-runner-closed");

    private final Agent agent;
    private final IdleStrategy idle;
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private volatile boolean running = true;

    SubscriptionRunner(Agent agent, IdleStrategy idle) {
        this.agent = agent;
        this.idle = idle;
    }

    /** Whether the run goes on: false once {@link #close() closed}. */
    boolean isRunning() {
        return running;
    }

    /** The work loop; the body of the runner's thread. */
    @Override
    public void run() {
        try {
            if (!thread.compareAndSet(null, Thread.currentThread())) {
                return; // closed before it began
            }
            while (running) {
                int workCount;
                try {
                    workCount = agent.doWork();
                } catch (Termination ended) {
                    return;
                }
                try {
                    idle.idle(workCount, this);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        } finally {
            agent.onClose();
        }
    }

    /** Ends the run after the unit of work in progress; does not wait for it. Idempotent. */
    void close() {
        running = false;
        thread.getAndSet(TOMBSTONE);
    }
}
