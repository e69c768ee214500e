package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The exclusive-mode lease of a subscription, for a worker that follows the store but does not write through
 * the store's database: one instance of the fleet holds it, the others stand by and claim it when the holder
 * stops renewing it. It is the lease {@link Subscription}s use in {@link SubscriptionMode#exclusive()}, kept in
 * the same leases table under {@code name}, with the same fencing tokens, expiry by the database's clock and
 * mode check.
 *
 * <p>What it does not give: fencing of the worker's own writes. A subscription checks its token in the
 * transaction that saves a batch; a worker writing elsewhere must fence those writes by that system's means
 * (the Kafka relay: the producer epoch of its stable {@code transactional.id}). The lease then only decides who
 * works, so that standbys stay idle instead of fencing each other.
 *
 * <pre>{@code
 * ExclusiveLease lease = ExclusiveLease.of(store, "factum-relay-shop", null, Duration.ofSeconds(10));
 * lease.start();
 * while (running) {
 *     switch (lease.maintain()) {           // renews when due; claims when free
 *         case ACQUIRED -> recoverPosition(); // a new owner: go on from what the last one committed
 *         case OWNER -> workOneBatch();
 *         case STANDBY -> sleep();
 *     }
 * }
 * lease.stop();                             // gives it up, so a standby takes over at once
 * }</pre>
 *
 * Call {@link #start()}, {@link #maintain()} and {@link #stop()} from one thread at a time (say a heartbeat thread
 * of the worker's own, so that a long call in its work does not let the lease lapse); {@link #owns()} and
 * {@link #mayWork()} from any.
 */
public final class ExclusiveLease {

    /** What {@link #maintain()} found. */
    public enum State {
        /** This instance holds the lease and held it before. */
        OWNER,
        /** This instance just claimed the lease: go on from what the previous owner committed. */
        ACQUIRED,
        /** Another instance holds it, or the database could not be reached: stand by. */
        STANDBY
    }

    private final LeaseKeeper keeper;

    private ExclusiveLease(LeaseKeeper keeper) {
        this.keeper = keeper;
    }

    /**
     * The lease {@code name} in {@code store}'s leases table.
     *
     * @param instanceId this instance's name in the table; null for the process id and a random part
     * @param duration   how long it lasts without renewal (at least 30 ms); renewed every third of it
     */
    public static ExclusiveLease of(JdbcEventStore store, String name, String instanceId, Duration duration) {
        Objects.requireNonNull(store, "store");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a lease needs a name");
        }
        if (duration.compareTo(Duration.ofMillis(30)) < 0) {
            throw new IllegalArgumentException("a lease lasts at least 30 ms, was " + duration);
        }
        if (instanceId != null && instanceId.isBlank()) {
            throw new IllegalArgumentException("an instance id must not be blank");
        }
        return new ExclusiveLease(new LeaseKeeper(new LeaseTable(store), name,
                instanceId != null ? instanceId : LeaseKeeper.newInstanceId(), SubscriptionMode.exclusive(), duration,
                System::nanoTime, () -> { }));
    }

    /**
     * Records exclusive mode for {@code name} (or checks it against what the fleet recorded); writes to the
     * database, so it can fail.
     *
     * @throws SubscriptionModeMismatchException when {@code name} runs in another mode
     */
    public void start() {
        keeper.start();
    }

    /** Renews the lease when due, or claims it when this instance has none and a heartbeat is due. */
    public State maintain() {
        return switch (keeper.maintain()) {
            case OWNER -> State.OWNER;
            case ACQUIRED -> State.ACQUIRED;
            case STANDBY -> State.STANDBY;
        };
    }

    /**
     * A local look, before starting a piece of work: false once this instance may have lost the lease (it went
     * longer than the lease without renewing it, say in a long pause), or never held it.
     */
    public boolean mayWork() {
        return keeper.owns() && keeper.mayDeliver();
    }

    /** Whether this instance believes it holds the lease. */
    public boolean owns() {
        return keeper.owns();
    }

    /** How often {@link #maintain()} needs calling: a third of the lease. */
    public Duration heartbeatInterval() {
        return keeper.heartbeatInterval();
    }

    /** This instance's name in the leases table. */
    public String instanceId() {
        return keeper.instance();
    }

    /** Gives the lease up if held, so a standby takes over at its next heartbeat. {@link #start()} again to rejoin. */
    public void stop() {
        keeper.stop();
    }
}
