package io.factum.subscription;

import io.factum.store.EventStore;
import io.factum.store.jdbc.JdbcEventStore;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Puts a {@link Subscription}'s parts together from its {@link Subscription.Builder}: the mode
 * (exclusive by default on a JDBC store), the lease that mode needs, the fence it puts around the
 * writes, the processor of its batches (handler or projection), its poller and the check its start
 * runs first. Partitioned mode gets a processor per slice range it holds, each fenced by that range.
 */
final class SubscriptionAssembly {

    final DeliveryRules rules;
    final SubscriptionMode mode;
    /** The lease of a fleet's subscription (exclusive mode); null in single-process and partitioned mode. */
    final LeaseKeeper lease;
    final Poller poller;
    /** Runs first in {@code start()}: records or checks the mode, and throws to refuse the start. */
    final Runnable startCheck;
    /** Between polls once caught up: the configured interval, at most a heartbeat of the lease. */
    final Duration pollInterval;
    /** This instance's name in the leases table; null in single-process mode. */
    final String instanceId;
    /** Whether this instance delivers events: holds the lease, or slices. */
    final BooleanSupplier active;

    SubscriptionAssembly(Subscription.Builder builder, CaughtUpSignal signal) {
        String name = builder.name;
        this.rules = new DeliveryRules(name, builder.registry, builder.retry, builder.onHandlerFailure,
                builder.onUndecodable);
        JdbcEventStore jdbcStore = builder.store instanceof JdbcEventStore jdbc ? jdbc : null;
        this.mode = builder.mode != null ? builder.mode
                : jdbcStore != null ? SubscriptionMode.exclusive() : SubscriptionMode.singleProcess();
        if (mode.usesLeases() && jdbcStore == null) {
            throw new IllegalArgumentException("Subscription '" + name + "': mode " + mode + " keeps its lease in the "
                    + "database of a JDBC event store (SQLite or PostgreSQL); " + builder.store.getClass().getName()
                    + " lives in one process, so use SubscriptionMode.singleProcess() (the default there)");
        }
        if (builder.projection != null && jdbcStore == null) {
            throw new IllegalArgumentException("Subscription '" + name + "': a JdbcProjection needs a JDBC event store "
                    + "(SQLite or PostgreSQL), got " + builder.store.getClass().getName());
        }
        String instance = builder.instanceId != null ? builder.instanceId : LeaseKeeper.newInstanceId();
        if (mode.isPartitioned()) {
            SliceKeeper keeper = new SliceKeeper(new SliceTable(jdbcStore), name, instance, mode, builder.leaseDuration,
                    System::nanoTime, () -> builder.start.resolve(builder.store));
            ParkedEvents parked = builder.projection != null ? new JdbcParkedEvents(jdbcStore) : partitionedParked(builder);
            this.lease = null;
            this.poller = new PartitionedPoller(name, jdbcStore, keeper, sliceProcessors(builder, jdbcStore), parked,
                    builder.batchSize, signal);
            this.startCheck = keeper::start;
            this.pollInterval = shorter(builder.pollInterval, keeper.heartbeatInterval());
            this.instanceId = instance;
            this.active = () -> !keeper.held().isEmpty();
            return;
        }
        BatchProcessor[] processorOfLease = new BatchProcessor[1];
        this.lease = mode.usesLeases()
                ? new LeaseKeeper(new LeaseTable(jdbcStore), name, instance, mode, builder.leaseDuration, System::nanoTime,
                        () -> processorOfLease[0].forgetUnsavedCheckpoint())
                : null;
        Fence fence = lease != null ? lease : Fence.NONE;
        BatchProcessor processor;
        if (builder.projection != null) {
            processor = new ProjectionProcessor(rules, jdbcStore, builder.projection, builder.start, fence);
        } else {
            StartPosition start = builder.start;
            CheckpointStore checkpoints = lease != null
                    ? new FencedCheckpointStore(builder.checkpoints, jdbcStore, fence) : builder.checkpoints;
            ParkedEvents parked = lease != null ? new FencedParkedEvents(builder.parked, jdbcStore, fence) : builder.parked;
            CheckpointSaver checkpoint = new CheckpointSaver(name, checkpoints, builder.checkpointInterval(),
                    builder.nanoTime, () -> start.resolve(builder.store), start.isBeginning());
            processor = new HandlerProcessor(rules, builder.store, builder.handler, checkpoint, parked, fence);
        }
        processorOfLease[0] = processor;
        this.poller = new SubscriptionPoller(builder.store, processor, builder.batchSize, signal);
        this.startCheck = lease != null ? lease::start
                : jdbcStore != null ? () -> new LeaseTable(jdbcStore).refuseIfLeased(name, SubscriptionMode.singleProcess())
                : () -> { };
        this.pollInterval = lease != null ? shorter(builder.pollInterval, lease.heartbeatInterval()) : builder.pollInterval;
        this.instanceId = lease != null ? instance : null;
        LeaseKeeper owner = lease;
        this.active = () -> owner == null || owner.owns();
    }

    /** A processor per slice range, fenced by that range's lease; its checkpoint lives in the range's rows. */
    private Function<SliceLease, BatchProcessor> sliceProcessors(Subscription.Builder builder, JdbcEventStore jdbcStore) {
        String name = builder.name;
        EventStore store = builder.store;
        if (builder.projection != null) {
            return lease -> new ProjectionProcessor(rules, jdbcStore, builder.projection,
                    new CheckpointSaver(name, lease, Duration.ZERO, System::nanoTime), lease::saveInTransaction, lease);
        }
        return lease -> new HandlerProcessor(rules, store, builder.handler,
                new CheckpointSaver(name, lease, builder.checkpointInterval(), builder.nanoTime),
                new FencedParkedEvents(builder.parked, jdbcStore, lease), lease);
    }

    /** A partitioned handler keeps its checkpoints per slice in the leases table, not in a checkpoint store of its own. */
    private static ParkedEvents partitionedParked(Subscription.Builder builder) {
        if (!(builder.checkpoints instanceof JdbcCheckpointStore)) {
            throw new IllegalArgumentException("Subscription '" + builder.name + "': in partitioned mode the checkpoints "
                    + "are kept per slice in the leases table of the store, fenced with each slice's lease; pass "
                    + "new JdbcCheckpointStore(store) to handler(...), not " + builder.checkpoints.getClass().getName());
        }
        return builder.parked;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The checks of {@link Subscription.Builder#build()}: exactly one of handler and projection, and
     * no checkpoint interval for a projection.
     */
    static void checkComplete(Subscription.Builder builder) {
        if ((builder.handler == null) == (builder.projection == null)) {
            throw new IllegalStateException("Subscription '" + builder.name + "' needs exactly one of handler(...) or "
                    + "projection(...)");
        }
        if (builder.projection != null && builder.checkpointInterval != null) {
            throw new IllegalStateException("Subscription '" + builder.name + "': checkpointInterval(...) is for handler "
                    + "subscriptions; a projection commits its checkpoint with every batch");
        }
    }
}
