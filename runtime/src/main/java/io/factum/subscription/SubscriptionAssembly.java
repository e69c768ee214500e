package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;

/**
 * Puts a {@link Subscription}'s parts together from its {@link Subscription.Builder}: the mode
 * (exclusive by default on a JDBC store), the lease that mode needs, the fence it puts around the
 * writes, the processor of its batches (handler or projection) and the check its start runs first.
 */
final class SubscriptionAssembly {

    final DeliveryRules rules;
    final SubscriptionMode mode;
    /** The lease of a fleet's subscription (exclusive mode); null in single-process mode. */
    final LeaseKeeper lease;
    final BatchProcessor processor;
    /** Runs first in {@code start()}: records or checks the mode, and throws to refuse the start. */
    final Runnable startCheck;

    SubscriptionAssembly(Subscription.Builder builder) {
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
        BatchProcessor[] processorOfLease = new BatchProcessor[1];
        this.lease = mode.usesLeases()
                ? new LeaseKeeper(new LeaseTable(jdbcStore), name,
                        builder.instanceId != null ? builder.instanceId : LeaseKeeper.newInstanceId(), mode,
                        builder.leaseDuration, System::nanoTime, () -> processorOfLease[0].forgetUnsavedCheckpoint())
                : null;
        Fence fence = lease != null ? lease : Fence.NONE;
        if (builder.projection != null) {
            if (jdbcStore == null) {
                throw new IllegalArgumentException("Subscription '" + name + "': a JdbcProjection needs a JDBC event store "
                        + "(SQLite or PostgreSQL), got " + builder.store.getClass().getName());
            }
            this.processor = new ProjectionProcessor(rules, jdbcStore, builder.projection, builder.start, fence);
        } else {
            StartPosition start = builder.start;
            CheckpointStore checkpoints = lease != null
                    ? new FencedCheckpointStore(builder.checkpoints, jdbcStore, fence) : builder.checkpoints;
            ParkedEvents parked = lease != null ? new FencedParkedEvents(builder.parked, jdbcStore, fence) : builder.parked;
            CheckpointSaver checkpoint = new CheckpointSaver(name, checkpoints, builder.checkpointInterval(),
                    builder.nanoTime, () -> start.resolve(builder.store), start.isBeginning());
            this.processor = new HandlerProcessor(rules, builder.store, builder.handler, checkpoint, parked, fence);
        }
        processorOfLease[0] = processor;
        this.startCheck = lease != null ? lease::start
                : jdbcStore != null ? () -> new LeaseTable(jdbcStore).refuseIfLeased(name, SubscriptionMode.singleProcess())
                : () -> { };
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
