package io.factum.kafka;

import io.factum.bus.Registration;
import io.factum.subscription.AppendSignal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The relay's own thread: relays batch after batch, waits {@code pollInterval} when caught up (or until the
 * {@link AppendSignal}, if any, fires), and after a retriable error waits with a doubling backoff (up to
 * {@code maxBackoff}) and tries again; only a stop cuts the backoff short, so appends during a Kafka outage do not
 * turn it into a busy retry. A fatal error (as {@code fatal} decides) ends the run as FAILED.
 */
final class RelayThread {

    private final String threadName;
    private final IntSupplier work;
    private final Runnable cleanup;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Function<RuntimeException, RuntimeException> fatal;
    /** Null when only the poll interval wakes the relay. */
    private final AppendSignal appendSignal;
    private final Object lock = new Object();

    /** Guarded by lock. */
    private Thread thread;
    /** The current run's wake-ups; guarded by lock. */
    private RunSignals signals = new RunSignals();
    private volatile KafkaRelay.Status status = KafkaRelay.Status.NEW;
    private volatile RuntimeException failure;
    private volatile RuntimeException lastError;

    RelayThread(String threadName, IntSupplier work, Runnable cleanup, Duration pollInterval, Duration maxBackoff,
            Function<RuntimeException, RuntimeException> fatal, AppendSignal appendSignal) {
        this.threadName = threadName;
        this.work = work;
        this.cleanup = cleanup;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.fatal = fatal;
        this.appendSignal = appendSignal;
    }

    KafkaRelay.Status status() {
        return status;
    }

    RuntimeException failure() {
        return failure;
    }

    RuntimeException lastError() {
        return lastError;
    }

    void start() {
        synchronized (lock) {
            if (thread != null && thread.isAlive()) {
                return;
            }
            RunSignals run = new RunSignals();
            signals = run;
            Registration registration = appendSignal == null ? null : appendSignal.onAppend(run::wake);
            failure = null;
            status = KafkaRelay.Status.RUNNING;
            thread = new Thread(() -> run(run, registration), threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop() {
        Thread running;
        synchronized (lock) {
            signals.stop();
            running = thread;
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(RunSignals run, Registration registration) {
        long backoff = 100;
        try {
            while (!run.stopRequested()) {
                try {
                    run.workStarts();
                    int read = work.getAsInt();
                    lastError = null;
                    backoff = 100;
                    if (read == 0) {
                        run.idle(pollInterval.toNanos(), true);
                    }
                } catch (RuntimeException e) {
                    RuntimeException fatalError = fatal.apply(e);
                    if (fatalError != null) {
                        failure = fatalError;
                        status = KafkaRelay.Status.FAILED;
                        return;
                    }
                    lastError = e;
                    run.idle(TimeUnit.MILLISECONDS.toNanos(backoff), false);
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
            }
            status = KafkaRelay.Status.STOPPED;
        } catch (InterruptedException e) {
            status = KafkaRelay.Status.STOPPED;
        } finally {
            if (registration != null) {
                registration.close();
            }
            cleanup.run();
        }
    }

    /**
     * One run's stop request and wake-up flag. A wake-up that comes while the relay works (an append committed
     * after its read) is kept and cuts the next idle wait, so none is lost; the wait then polls the store.
     */
    private static final class RunSignals {
        private final Object monitor = new Object();
        /** Guarded by monitor. */
        private boolean stopRequested;
        /** Guarded by monitor. */
        private boolean wakeRequested;

        void stop() {
            synchronized (monitor) {
                stopRequested = true;
                monitor.notifyAll();
            }
        }

        void wake() {
            synchronized (monitor) {
                wakeRequested = true;
                monitor.notifyAll();
            }
        }

        boolean stopRequested() {
            synchronized (monitor) {
                return stopRequested;
            }
        }

        /** A turn of work starts: the store read it makes answers every wake-up asked for before it. */
        void workStarts() {
            synchronized (monitor) {
                wakeRequested = false;
            }
        }

        /**
         * Waits {@code nanos}, or until a stop, or (when {@code wakeable}) a wake-up, whichever is first.
         */
        void idle(long nanos, boolean wakeable) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            synchronized (monitor) {
                long left = nanos;
                while (!stopRequested && !(wakeable && wakeRequested) && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                    left = deadline - System.nanoTime();
                }
            }
        }
    }
}
