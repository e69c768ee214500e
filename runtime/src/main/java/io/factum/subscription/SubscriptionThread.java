package io.factum.subscription;

import io.factum.bus.Registration;
import io.factum.store.EventStore;
import io.factum.subscription.Subscription.Status;
import java.time.Duration;

/**
 * The lifecycle of a {@link Subscription}'s thread: starts and stops its runs (each a
 * {@link SubscriptionRunner} over a poll per unit of work) and keeps the status a run ends with.
 */
final class SubscriptionThread {

    private final String name;
    private final DeliveryRules rules;
    private final Poller poller;
    private final CaughtUpSignal signal;
    private final Duration pollInterval;
    private final AppendSignal appendSignal;
    /**
     * The fleet's lease (exclusive mode), or null: single process, or partitioned, whose poller holds
     * its slices. Used by the current run's thread.
     */
    private final LeaseKeeper lease;
    private final EventStore store;
    /** Runs first in {@link #start()}: records or checks the mode, and throws to refuse the start. */
    private final Runnable startCheck;

    /** Guards the lifecycle: which run is current, and the status it ends with. */
    private final Object lifecycle = new Object();
    /** Whether a run is current. Written under {@link #lifecycle}. */
    private volatile boolean running;
    /** The current run and its thread; a run that is no longer current leaves the state alone. Guarded by {@link #lifecycle}. */
    private SubscriptionRunner runner;
    /** Guarded by {@link #lifecycle}. */
    private Thread thread;
    /** Guarded by {@link #lifecycle}. */
    private Registration signalRegistration;
    /** Written under {@link #lifecycle}. */
    private volatile Status status = Status.NEW;
    /** Written under {@link #lifecycle}. */
    private volatile SubscriptionFailedException failure;
    /** Written by the current run's thread. */
    private volatile RuntimeException lastError;

    /** @param pollInterval between polls once caught up; at most a heartbeat of the lease, if there is one */
    SubscriptionThread(String name, DeliveryRules rules, Poller poller, CaughtUpSignal signal,
            Duration pollInterval, AppendSignal appendSignal, LeaseKeeper lease, EventStore store, Runnable startCheck) {
        this.startCheck = startCheck;
        this.name = name;
        this.rules = rules;
        this.poller = poller;
        this.signal = signal;
        this.appendSignal = appendSignal;
        this.lease = lease;
        this.store = store;
        this.pollInterval = pollInterval;
    }

    Status status() {
        return status;
    }

    SubscriptionFailedException failure() {
        return failure;
    }

    RuntimeException lastError() {
        return lastError;
    }

    /** Guarded by {@link #lifecycle}: what {@link #status} was before a hand poll failed, or null. */
    private Status beforeHandFailure;

    /**
     * A poll on the caller's thread (not the subscription's own) stopped at an event: FAILED with
     * that failure, as a run that stops there. Ignored while a run is current: its thread reports.
     */
    private void handPollFailed(SubscriptionFailedException failed) {
        synchronized (lifecycle) {
            if (!running) {
                if (status != Status.FAILED) {
                    beforeHandFailure = status;
                }
                failure = failed;
                status = Status.FAILED;
            }
        }
    }

    /** A hand poll returned normally: a failure it had reported is over. */
    private void handPollSucceeded() {
        synchronized (lifecycle) {
            if (!running && status == Status.FAILED) {
                status = beforeHandFailure == null || beforeHandFailure == Status.RUNNING ? Status.STOPPED : beforeHandFailure;
                failure = null;
                beforeHandFailure = null;
            }
        }
    }

    /** See {@link Subscription#pollOnce()}: a poll on the caller's thread, its failure reported as the status. */
    int pollByHand() {
        int read;
        try {
            read = poller.pollOnce();
        } catch (SubscriptionFailedException e) {
            handPollFailed(e);
            throw e;
        }
        handPollSucceeded();
        return read;
    }

    /** See {@link Subscription#runUntilCaughtUp()}: hand polls until a batch comes back short. */
    int pollByHandUntilCaughtUp() {
        int total = 0;
        int read;
        do {
            read = pollByHand();
            total += read;
        } while (!poller.lastPollCaughtUp());
        return total;
    }

    /** See {@link Subscription#reset()}. */
    void reset() {
        Runnable reset = () -> poller.reset(() -> {
            if (running) {
                throw new IllegalStateException("Subscription '" + name + "' is running; stop it before reset()");
            }
        });
        if (lease != null) {
            lease.resetFenced(reset); // the checkpoint's save checks that no instance holds the lease, in its transaction
        } else {
            reset.run();
        }
    }

    /** See {@link Subscription#awaitCaughtUp(Duration)}. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        if (status == Status.NEW) {
            throw new IllegalStateException("Subscription '" + name + "' was never started: call start() before "
                    + "awaitCaughtUp(), or runUntilCaughtUp() to catch up on the calling thread");
        }
        return signal.awaitCaughtUp(timeout, () -> status == Status.RUNNING);
    }

    /** See {@link Subscription#start()}. */
    void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            startCheck.run(); // records the mode, or refuses to start with another one
            failure = null;
            beforeHandFailure = null;
            poller.forgetPosition();
            running = true;
            status = Status.RUNNING;
            if (appendSignal != null) {
                signalRegistration = appendSignal.onAppend(signal::wake);
            }
            Run run = new Run();
            runner = new SubscriptionRunner(run, this::idle);
            run.runner = runner;
            thread = new Thread(runner, "factum-subscription-" + name);
            thread.setDaemon(true);
            rules.started(thread);
            thread.start();
        }
    }

    /** See {@link Subscription#stop()}. */
    void stop() {
        Thread stopping = null;
        synchronized (lifecycle) {
            if (running) {
                running = false;
                stopping = thread;
                runner.close();
                rules.requestStop();
                closeSignalRegistration();
            }
        }
        if (stopping == null) {
            poller.saveUnsavedCheckpoint(); // polled by hand, or its thread already ending (which saves too)
            return;
        }
        signal.wake();
        if (stopping == Thread.currentThread()) {
            return; // called by a handler on the subscription's own thread: joining would wait forever
        }
        try {
            stopping.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The idle strategy of a run: after a short batch, wait for a wake-up or the poll interval. */
    private void idle(int read, SubscriptionRunner run) throws InterruptedException {
        if (poller.lastPollCaughtUp()) {
            signal.idle(pollInterval, run::isRunning);
        }
    }

    /**
     * Renews or claims the lease as due. As a standby, marks the poll caught up once the fleet's
     * saved checkpoint has reached the last position stored when it began.
     *
     * @return whether this instance holds the lease and should poll
     */
    private boolean holdLease() {
        LeaseKeeper.State state = lease.maintain();
        if (state == LeaseKeeper.State.ACQUIRED) {
            poller.forgetUnsavedCheckpoint(); // another owner may have gone on meanwhile
            poller.forgetPosition();
        }
        if (state != LeaseKeeper.State.STANDBY) {
            return true;
        }
        long pollNumber = signal.pollStarted();
        long head = store.lastPosition();
        if (poller.peekCheckpoint() >= head) {
            signal.caughtUp(pollNumber);
        }
        return false;
    }

    /** One run of the subscription's thread: a poll per unit of work. */
    private final class Run implements SubscriptionRunner.Agent {
        /** The runner running this; set before its thread starts. */
        SubscriptionRunner runner;
        /** Set on the runner's thread only. */
        private SubscriptionFailedException failed;

        @Override
        public int doWork() {
            try {
                if (lease != null && !holdLease()) {
                    lastError = null;
                    return 0;
                }
                int read = poller.pollOnce();
                lastError = null;
                return read;
            } catch (SubscriptionFailedException e) {
                failed = e;
                throw new SubscriptionRunner.Termination();
            } catch (DeliveryRules.SubscriptionStopped | SubscriptionInterruptedException e) {
                // Asked to stop, or interrupted, during a retry pause: stop before the event.
                throw new SubscriptionRunner.Termination();
            } catch (RuntimeException e) {
                // The store is unreachable or similar: keep the checkpoint and try again next interval.
                lastError = e;
                return 0;
            }
        }

        @Override
        public void onClose() {
            try {
                poller.saveUnsavedCheckpoint(); // what the last polls handled, so that a restart does not repeat it
            } catch (RuntimeException e) {
                lastError = e; // start() goes on from them and saves later; only a crash repeats them
            } finally {
                try {
                    if (lease != null) {
                        lease.stop(); // a standby takes over at its next heartbeat, not only once the lease expired
                    }
                    poller.runEnded(); // partitioned: the others take this instance's slices at their next heartbeat
                } catch (RuntimeException e) {
                    lastError = e; // the lease then expires by itself
                } finally {
                    ended(runner, failed);
                }
            }
        }
    }

    /**
     * A run has ended, also when an Error ends it (even one saving the checkpoint): never report
     * RUNNING for a dead thread. FAILED too is reported only here, once running is false, so that
     * start() right after seeing it restarts.
     */
    private void ended(SubscriptionRunner run, SubscriptionFailedException failed) {
        synchronized (lifecycle) {
            if (runner == run) {
                running = false;
                if (failed != null) {
                    failure = failed;
                    status = Status.FAILED;
                } else if (status == Status.RUNNING) {
                    status = Status.STOPPED;
                }
                closeSignalRegistration();
            }
        }
        signal.stateChanged();
    }

    private void closeSignalRegistration() {
        if (signalRegistration != null) {
            signalRegistration.close();
            signalRegistration = null;
        }
    }
}
