package io.factum.subscription;

import io.factum.event.EventEnvelope;
import io.factum.store.StoredEvent;
import io.factum.store.jdbc.JdbcEventStore;
import io.factum.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link JdbcProjection} one batch per transaction: the projection's writes, the parked
 * events and the checkpoint commit together. A failure rolls the whole batch back; the batch is
 * then tried again (after the retry pause), and once an event has used up its attempts it is
 * parked inside the next try, or the subscription stops with nothing of the batch committed.
 */
final class ProjectionProcessor extends BatchProcessor {

    private final JdbcEventStore store;
    private final JdbcProjection projection;
    /** Writes the checkpoint inside the batch's transaction. */
    private final CheckpointWriter checkpoints;
    private final JdbcParkedEvents parked;
    /** Checked in every batch transaction: a batch of an instance that lost its lease rolls back. */
    private final Fence fence;

    /** Writes a projection's checkpoint inside the caller's transaction. */
    interface CheckpointWriter {
        void save(Connection connection, String subscription, long position) throws SQLException;
    }

    ProjectionProcessor(DeliveryRules rules, JdbcEventStore store, JdbcProjection projection, StartPosition start,
            Fence fence) {
        this(rules, store, projection, new JdbcCheckpointStore(store), start, fence);
    }

    private ProjectionProcessor(DeliveryRules rules, JdbcEventStore store, JdbcProjection projection,
            JdbcCheckpointStore checkpoints, StartPosition start, Fence fence) {
        // It commits the checkpoint with every batch itself: the saver only loads it, resets it, and saves the start.
        this(rules, store, projection, new CheckpointSaver(rules.subscription, new FencedCheckpointStore(checkpoints, store,
                fence), Duration.ZERO, System::nanoTime, () -> start.resolve(store), start.isBeginning()), checkpoints::save,
                fence);
    }

    /**
     * @param saver       loads, resets and saves the start of the checkpoint
     * @param checkpoints writes it with every batch, in the batch's transaction
     */
    ProjectionProcessor(DeliveryRules rules, JdbcEventStore store, JdbcProjection projection, CheckpointSaver saver,
            CheckpointWriter checkpoints, Fence fence) {
        this(rules, store, projection, saver, checkpoints, fence, new JdbcParkedEvents(store));
    }

    private ProjectionProcessor(DeliveryRules rules, JdbcEventStore store, JdbcProjection projection, CheckpointSaver saver,
            CheckpointWriter checkpoints, Fence fence, JdbcParkedEvents parked) {
        super(rules, store, saver, parked);
        this.fence = fence;
        this.store = store;
        this.projection = projection;
        this.checkpoints = checkpoints;
        this.parked = parked;
    }

    @Override
    long process(List<StoredEvent> batch, long checkpoint) {
        Map<Long, String> toPark = new HashMap<>();
        // Counted per event, so a batch whose failures move from event to event still ends.
        Map<Long, Integer> attemptsByPosition = new HashMap<>();
        while (true) {
            BatchFailure failure = tryBatch(batch, toPark);
            if (failure == null) {
                return batch.get(batch.size() - 1).globalPosition();
            }
            StoredEvent event = failure.event;
            if (failure.undecodable) {
                if (rules.onUndecodable == FailureAction.STOP) {
                    throw rules.undecodable(event, failure.reason);
                }
                toPark.put(event.globalPosition(), DeliveryRules.describe(failure.reason));
                continue;
            }
            int attempts = attemptsByPosition.merge(event.globalPosition(), 1, Integer::sum);
            if (attempts < rules.retry.maxAttempts()) {
                rules.pauseAfter(event, attempts);
            } else if (rules.onHandlerFailure == FailureAction.PARK) {
                toPark.put(event.globalPosition(), DeliveryRules.describe(failure.reason));
            } else {
                throw rules.handlerFailed(event, failure.reason, attempts);
            }
        }
    }

    /** One transaction over the batch; returns null when it committed, else what failed (rolled back). */
    private BatchFailure tryBatch(List<StoredEvent> batch, Map<Long, String> toPark) {
        try (Connection connection = store.dataSource().getConnection()) {
            return JdbcEventStore.inTransaction(connection, () -> {
                for (StoredEvent event : batch) {
                    String parkReason = toPark.get(event.globalPosition());
                    if (parkReason != null) {
                        parked.park(connection, rules.subscription, event, parkReason);
                        continue;
                    }
                    applyOrFail(event, connection);
                }
                long last = batch.get(batch.size() - 1).globalPosition();
                fence.check(connection, "the batch of positions " + batch.get(0).globalPosition() + " to " + last);
                checkpoints.save(connection, rules.subscription, last);
                return null;
            });
        } catch (BatchFailure failure) {
            return failure;
        } catch (SQLException e) {
            throw new JdbcStoreException("Projection '" + rules.subscription + "' cannot commit its batch after position "
                    + batch.get(0).globalPosition() + ": " + e.getMessage(), e);
        }
    }

    private void applyOrFail(StoredEvent event, Connection connection) {
        EventEnvelope<Object> envelope;
        try {
            envelope = rules.decode(event);
        } catch (DeliveryRules.Undecodable e) {
            throw new BatchFailure(event, e.reason(), true);
        }
        try {
            projection.apply(envelope, connection);
        } catch (Exception | Error e) { // an Error (say an AssertionError) is a failure too, as on the bus
            throw new BatchFailure(event, e, false);
        }
    }

    @Override
    Throwable redeliver(StoredEvent event) {
        try (Connection connection = store.dataSource().getConnection()) {
            JdbcEventStore.inTransaction(connection, () -> {
                applyOrFail(event, connection);
                fence.check(connection, "the retry of parked event " + event.globalPosition());
                parked.remove(connection, rules.subscription, event.globalPosition());
                return null;
            });
            return null;
        } catch (BatchFailure failure) {
            return failure.reason;
        } catch (SQLException e) {
            throw new JdbcStoreException("Projection '" + rules.subscription + "' cannot retry parked event "
                    + event.globalPosition() + ": " + e.getMessage(), e);
        }
    }

    /** Carries a failed event out of the transaction so that it rolls back. */
    private static final class BatchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient StoredEvent event;
        final Throwable reason;
        final boolean undecodable;

        BatchFailure(StoredEvent event, Throwable cause, boolean undecodable) {
            super(null, null, false, false);
            this.event = event;
            this.reason = cause;
            this.undecodable = undecodable;
        }
    }
}
