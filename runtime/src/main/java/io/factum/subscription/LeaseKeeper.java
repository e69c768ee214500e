package io.factum.subscription;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * One instance's side of an exclusive lease: claims it when it is free or expired, renews it by
 * heartbeat, releases it on stop, and fences the writes it protects. Used by the subscription's own
 * thread between batches ({@link #maintain()}); {@link #check} runs inside a batch's transaction.
 *
 * <p>Expiry is the database's business: rows expire by its clock. Locally the keeper only counts
 * how long it has gone without renewing (on the monotonic {@code nanoTime}) to stop treating itself
 * as owner once the lease may be gone; the fencing token, not that count, is what keeps a stale
 * owner from committing.
 */
final class LeaseKeeper implements Fence {

    /** What {@link #maintain()} found. */
    enum State {
        /** This instance holds the lease and held it before. */
        OWNER,
        /** This instance just claimed the lease: go on from the saved checkpoint. */
        ACQUIRED,
        /** Another instance holds it (or the database could not be reached): stand by. */
        STANDBY
    }

    private final LeaseTable table;
    private final String subscription;
    private final String instance;
    private final SubscriptionMode mode;
    private final long leaseNanos;
    private final long heartbeatNanos;
    private final LongSupplier nanoTime;
    /** Called on the subscription's thread when the lease is found lost. */
    private final Runnable onLost;

    /** The fencing token held, {@code -1} when none. Written by the subscription's thread. */
    private volatile long token = -1;
    /** Whether the subscription runs: only then do writes need the lease. */
    private volatile boolean active;
    /** Whether {@link #resetFenced} runs: then the fencing check is the reset's. */
    private volatile boolean resetting;
    /** When the lease may have expired, on {@code nanoTime}. Volatile: handlers' threads look at it. */
    private volatile long deadline;
    private long nextHeartbeat;

    LeaseKeeper(LeaseTable table, String subscription, String instance, SubscriptionMode mode, Duration lease,
            LongSupplier nanoTime, Runnable onLost) {
        this.table = table;
        this.subscription = subscription;
        this.instance = instance;
        this.mode = mode;
        this.leaseNanos = lease.toNanos();
        this.heartbeatNanos = Math.max(1, leaseNanos / 3);
        this.nanoTime = nanoTime;
        this.onLost = onLost;
    }

    /** A default instance id: the process id and a random part, unique per subscription object. */
    static String newInstanceId() {
        return "pid" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String instance() {
        return instance;
    }

    /** How often the lease is renewed, and a standby tries to claim it: a third of the lease. */
    Duration heartbeatInterval() {
        return Duration.ofNanos(heartbeatNanos);
    }

    /** Whether this instance believes it holds the lease. */
    boolean owns() {
        return token >= 0;
    }

    /**
     * Records the mode or checks it against the recorded one, and makes writes need the lease.
     *
     * @throws SubscriptionModeMismatchException when the fleet runs another mode
     */
    void start() {
        table.register(subscription, mode);
        active = true;
        nextHeartbeat = nanoTime.getAsLong();
    }

    /** Renews the lease when due, or tries to claim it when this instance has none and a heartbeat is due. */
    State maintain() {
        long now = nanoTime.getAsLong();
        if (token >= 0) {
            if (now - deadline >= 0) {
                lost(); // could not renew in time: it may be another's by now
                return State.STANDBY;
            }
            if (now - nextHeartbeat >= 0) {
                boolean renewed = table.renew(subscription, instance, token, 0, mode.sliceCount() - 1, leaseMillis());
                if (!renewed) {
                    lost();
                    return State.STANDBY;
                }
                deadline = now + leaseNanos;
                nextHeartbeat = now + heartbeatNanos;
            }
            return State.OWNER;
        }
        if (now - nextHeartbeat < 0) {
            return State.STANDBY;
        }
        nextHeartbeat = now + heartbeatNanos;
        LeaseTable.Claim claim = table.claim(subscription, instance, 0, mode.sliceCount() - 1, leaseMillis());
        if (claim == null) {
            return State.STANDBY;
        }
        token = claim.token();
        deadline = now + leaseNanos;
        return State.ACQUIRED;
    }

    /** Stops: gives the lease up (if held), so a standby takes over at its next heartbeat. */
    void stop() {
        active = false;
        long held = token;
        token = -1;
        if (held >= 0) {
            table.release(subscription, instance, held);
        }
    }

    /**
     * Runs {@code reset} (which saves the checkpoint through this fence) with the fencing check
     * replaced by the reset's: in the save's transaction, refuse while an instance holds a live
     * lease, under the head row's lock that every claim takes ({@link LeaseTable#refuseWhileHeld}).
     * Check and write commit together, as a partitioned reset does. Call only while not running.
     *
     * @throws IllegalStateException naming the instance that holds the lease
     */
    void resetFenced(Runnable reset) {
        resetting = true;
        try {
            reset.run();
        } finally {
            resetting = false;
        }
    }

    @Override
    public void check(Connection connection, String what) throws SQLException {
        if (resetting) {
            table.refuseWhileHeld(connection, subscription, "reset()");
            return;
        }
        if (!active) {
            return;
        }
        long held = token;
        if (held < 0 || !table.stillHeld(connection, subscription, instance, held, 0, mode.sliceCount() - 1)) {
            lost();
            throw new LeaseLostException(subscription, instance, held, what);
        }
    }

    @Override
    public boolean mayDeliver() {
        return !active || token >= 0 && nanoTime.getAsLong() - deadline < 0;
    }

    @Override
    public LeaseLostException pausedPastLease(String what) {
        return new LeaseLostException(subscription, instance, token, what);
    }

    @Override
    public void checkAlone(String what) {
        if (active || resetting) {
            table.inTransaction("check the lease of subscription '" + subscription + "'", connection -> {
                check(connection, what);
                return null;
            });
        }
    }

    private void lost() {
        token = -1;
        onLost.run();
    }

    private long leaseMillis() {
        return Math.max(1, leaseNanos / 1_000_000);
    }
}
