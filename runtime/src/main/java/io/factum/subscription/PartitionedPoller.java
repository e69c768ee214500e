package io.factum.subscription;

import io.factum.store.jdbc.JdbcEventStore;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The polling of a partitioned subscription: at each poll, and again before each range's batch, the
 * {@link SliceKeeper} renews, gives up and claims slices as due (so that the batches of all ranges
 * together may take longer than the lease, as long as each is shorter), then every slice range this instance holds is polled once by a
 * {@link SubscriptionPoller} of its own, which reads that range only (in SQL, on the stored stream
 * hash) and keeps that range's checkpoint. A range that comes back short moves its checkpoint up to
 * the last position read before the poll, so that the checkpoints of quiet slices keep up and the
 * fleet's checkpoint (the lowest of them) reaches the head once everything is delivered: then the
 * poll counts as caught up, as {@code awaitCaughtUp} waits for.
 */
final class PartitionedPoller implements Poller {

    private final String name;
    private final JdbcEventStore store;
    private final SliceKeeper keeper;
    /** A processor for the events of one range, fenced by its lease. */
    private final Function<SliceLease, BatchProcessor> processors;
    /** Every parked event of the subscription, unfenced, for listing. */
    private final ParkedEvents parked;
    private final int batchSize;
    private final CaughtUpSignal signal;
    /** Serialises polls, saves and resets. */
    private final ReentrantLock processing = new ReentrantLock();
    /** A poller per held range. Guarded by {@link #processing}. */
    private final Map<SliceLease, SubscriptionPoller> workers = new IdentityHashMap<>();
    private volatile boolean lastPollCaughtUp = true;

    PartitionedPoller(String name, JdbcEventStore store, SliceKeeper keeper, Function<SliceLease, BatchProcessor> processors,
            ParkedEvents parked, int batchSize, CaughtUpSignal signal) {
        this.name = name;
        this.store = store;
        this.keeper = keeper;
        this.processors = processors;
        this.parked = parked;
        this.batchSize = batchSize;
        this.signal = signal;
    }

    @Override
    public int pollOnce() {
        processing.lock();
        try {
            if (!keeper.active()) {
                throw new IllegalStateException("Subscription '" + name + "' is partitioned: each instance polls the slices "
                        + "it holds on its own thread, so call start() (pollOnce() and runUntilCaughtUp() are for the "
                        + "single-process and exclusive modes)");
            }
            long pollNumber = signal.pollStarted();
            keeper.maintain(this::saveHeld);
            syncWorkers();
            long head = store.lastPosition();
            int read = 0;
            boolean caughtUp = true;
            LeaseLostException lost = null;
            for (SliceLease lease : List.copyOf(workers.keySet())) {
                // Renew between ranges as the heartbeat falls due: a batch per range, each shorter
                // than the lease, may take longer together.
                List<SliceLease> before = keeper.held();
                keeper.maintain(this::saveHeld);
                if (keeper.held() != before) {
                    syncWorkers();
                    caughtUp = false; // a range regrouped meanwhile is polled next time, at once
                }
                SubscriptionPoller worker = workers.get(lease);
                if (worker == null) {
                    continue; // given up, lost or regrouped meanwhile
                }
                try {
                    read += worker.pollOnce();
                    if (worker.lastPollCaughtUp()) {
                        worker.advanceTo(head);
                    } else {
                        caughtUp = false;
                    }
                } catch (LeaseLostException e) {
                    lost = e; // that range only: the keeper has dropped it, the others go on
                }
            }
            syncWorkers();
            lastPollCaughtUp = caughtUp;
            if (lost != null) {
                throw lost;
            }
            if (caughtUp && keeper.fleetCheckpoint() >= head) {
                signal.caughtUp(pollNumber);
            }
            return read;
        } finally {
            processing.unlock();
        }
    }

    /** A poller for every range held, none for a range no longer held. */
    private void syncWorkers() {
        List<SliceLease> held = keeper.held();
        workers.keySet().removeIf(lease -> !held.contains(lease));
        for (SliceLease lease : held) {
            workers.computeIfAbsent(lease, this::worker);
        }
    }

    private SubscriptionPoller worker(SliceLease lease) {
        return new SubscriptionPoller((after, max) -> store.readSlices(after, lease.range, max), lease::covers,
                processors.apply(lease), batchSize, new CaughtUpSignal());
    }

    /** Saves what each range handled but left unsaved; a range found lost keeps nothing. */
    private void saveHeld() {
        for (SubscriptionPoller worker : workers.values()) {
            try {
                worker.saveUnsavedCheckpoint();
            } catch (LeaseLostException e) {
                // Another instance goes on from that range's saved checkpoint.
            }
        }
    }

    @Override
    public boolean lastPollCaughtUp() {
        return lastPollCaughtUp;
    }

    @Override
    public void forgetPosition() {
        processing.lock();
        try {
            workers.clear();
        } finally {
            processing.unlock();
        }
    }

    /** The fleet's checkpoint: the lowest of its slices'. */
    @Override
    public long position() {
        return keeper.fleetCheckpoint();
    }

    @Override
    public long peekCheckpoint() {
        return position();
    }

    @Override
    public void forgetUnsavedCheckpoint() {
        // Each range forgets its own when it is dropped.
    }

    @Override
    public void saveUnsavedCheckpoint() {
        processing.lock();
        try {
            saveHeld();
        } finally {
            processing.unlock();
        }
    }

    /** Sets every slice's checkpoint to 0, unless an instance of the fleet runs. */
    @Override
    public void reset(Runnable refuse) {
        processing.lock();
        try {
            refuse.run();
            keeper.table().reset(name);
        } finally {
            processing.unlock();
        }
    }

    /** The parked events of the ranges this instance holds; none while it does not run. */
    @Override
    public int retryParked() {
        processing.lock();
        try {
            int handled = 0;
            for (SubscriptionPoller worker : workers.values()) {
                handled += worker.retryParked();
            }
            return handled;
        } finally {
            processing.unlock();
        }
    }

    @Override
    public List<ParkedEvent> parkedEvents() {
        return parked.list(name);
    }

    @Override
    public void runEnded() {
        processing.lock();
        try {
            workers.clear();
            keeper.stop();
        } finally {
            processing.unlock();
        }
    }
}
