package io.factum.kafka;

import io.factum.subscription.ExclusiveLease;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's {@link ExclusiveLease}, renewed (or claimed, on a standby) by a heartbeat thread of its own. A
 * relay's Kafka calls may block for seconds ({@code initTransactions()} waits for the previous owner's
 * transaction to be aborted; {@code max.block.ms}, transaction commits): renewing on the relay's thread between
 * batches would let a healthy relay lose its lease in such a call, and two relays would take it from each other
 * in turn. The lease is therefore lost only when the process stops renewing it (killed, paused) or cannot reach
 * the store's database; Kafka's producer epoch, not the lease, keeps a stale owner from committing.
 */
final class RelayLease {

    private final ExclusiveLease lease;
    private final String threadName;
    /** How many times this instance claimed the lease: a change tells the relay to start a new producer. */
    private final AtomicLong claims = new AtomicLong();
    private ScheduledExecutorService heartbeat; // guarded by this

    RelayLease(ExclusiveLease lease, String threadName) {
        this.lease = lease;
        this.threadName = threadName;
    }

    String instanceId() {
        return lease.instanceId();
    }

    /** Whether this instance may relay now: it holds the lease and renewed it within the lease's duration. */
    boolean mayWork() {
        return lease.mayWork();
    }

    boolean owns() {
        return lease.owns();
    }

    /** The number of claims so far; see {@link #claims}. */
    long claims() {
        return claims.get();
    }

    /** Records the mode (can fail, on the caller's thread) and starts the heartbeat. */
    synchronized void start() {
        if (heartbeat != null) {
            return;
        }
        lease.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, lease.heartbeatInterval().toMillis() / 2);
        heartbeat.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            if (lease.maintain() == ExclusiveLease.State.ACQUIRED) {
                claims.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the database is unreachable: try again next beat; the lease lapses once its duration passes
        }
    }

    /** Stops the heartbeat and gives the lease up, so a standby takes over at once. */
    synchronized void stop() {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdown();
        try {
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat = null;
        try {
            lease.stop();
        } catch (RuntimeException e) {
            // the database is unreachable: the lease expires by itself
        }
    }
}
