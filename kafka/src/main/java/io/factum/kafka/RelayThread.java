package io.factum.kafka;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The relay's own thread: relays batch after batch, waits {@code pollInterval} when caught up, and after a
 * retriable error waits with a doubling backoff (up to {@code maxBackoff}) and tries again. A fatal error (as
 * {@code fatal} decides) ends the run as FAILED.
 */
final class RelayThread {

    private final String threadName;
    private final IntSupplier work;
    private final Runnable cleanup;
    private final Duration pollInterval;
    private final Duration maxBackoff;
    private final Function<RuntimeException, RuntimeException> fatal;
    private final Object lock = new Object();

    /** Guarded by lock. */
    private Thread thread;
    /** Guarded by lock. */
    private CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile KafkaRelay.Status status = KafkaRelay.Status.NEW;
    private volatile RuntimeException failure;
    private volatile RuntimeException lastError;

    RelayThread(String threadName, IntSupplier work, Runnable cleanup, Duration pollInterval, Duration maxBackoff,
            Function<RuntimeException, RuntimeException> fatal) {
        this.threadName = threadName;
        this.work = work;
        this.cleanup = cleanup;
        this.pollInterval = pollInterval;
        this.maxBackoff = maxBackoff;
        this.fatal = fatal;
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
            CountDownLatch stop = new CountDownLatch(1);
            stopRequested = stop;
            failure = null;
            status = KafkaRelay.Status.RUNNING;
            thread = new Thread(() -> run(stop), threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop() {
        Thread running;
        synchronized (lock) {
            stopRequested.countDown();
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

    private void run(CountDownLatch stop) {
        long backoff = 100;
        try {
            while (stop.getCount() > 0) {
                long waitMillis;
                try {
                    int read = work.getAsInt();
                    lastError = null;
                    backoff = 100;
                    waitMillis = read > 0 ? 0 : pollInterval.toMillis();
                } catch (RuntimeException e) {
                    RuntimeException fatalError = fatal.apply(e);
                    if (fatalError != null) {
                        failure = fatalError;
                        status = KafkaRelay.Status.FAILED;
                        return;
                    }
                    lastError = e;
                    waitMillis = backoff;
                    backoff = Math.min(backoff * 2, maxBackoff.toMillis());
                }
                if (waitMillis > 0 && stop.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            status = KafkaRelay.Status.STOPPED;
        } catch (InterruptedException e) {
            status = KafkaRelay.Status.STOPPED;
        } finally {
            cleanup.run();
        }
    }
}
