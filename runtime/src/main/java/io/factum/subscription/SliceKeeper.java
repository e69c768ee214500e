package io.factum.subscription;

import io.factum.store.SliceRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One instance's side of partitioned mode: its membership, and the slices it holds. At every
 * heartbeat (a third of the lease) it renews its membership and its slices, works out its fair
 * share from the live members (sorted by id, the {@code i}-th of {@code n} takes slices
 * {@code i*S/n} to {@code (i+1)*S/n - 1}), gives up what it holds outside that share and claims
 * what is free or expired inside it. A slice changes owner only once free or expired, with a new
 * fencing token, so two instances never hold one slice at once; a member that stops renewing drops
 * out of the others' lists when its lease would have expired, and they take its share over.
 *
 * <p>Used by the subscription's thread only, except {@link #held()} and {@link #withinDeadline()},
 * which handlers' threads may look at.
 */
final class SliceKeeper {

    private final SliceTable table;
    private final String subscription;
    private final String instance;
    private final SubscriptionMode mode;
    private final long leaseNanos;
    private final long heartbeatNanos;
    private final LongSupplier nanoTime;
    /** The checkpoint new slice rows start at (the subscription's start position). */
    private final LongSupplier start;

    private volatile boolean active;
    /** When the leases may have expired, on {@code nanoTime}. */
    private volatile long deadline;
    private long nextHeartbeat;
    /** The ranges held, in slice order; replaced as a whole. */
    private volatile List<SliceLease> held = List.of();

    SliceKeeper(SliceTable table, String subscription, String instance, SubscriptionMode mode, Duration lease,
            LongSupplier nanoTime, LongSupplier start) {
        this.table = table;
        this.subscription = subscription;
        this.instance = instance;
        this.mode = mode;
        this.leaseNanos = lease.toNanos();
        this.heartbeatNanos = Math.max(1, leaseNanos / 3);
        this.nanoTime = nanoTime;
        this.start = start;
    }

    SliceTable table() {
        return table;
    }

    String subscription() {
        return subscription;
    }

    String instance() {
        return instance;
    }

    boolean active() {
        return active;
    }

    Duration heartbeatInterval() {
        return Duration.ofNanos(heartbeatNanos);
    }

    /** The ranges this instance holds, in slice order. */
    List<SliceLease> held() {
        return held;
    }

    /** Whether the last renewal is recent enough that the leases cannot have expired. */
    boolean withinDeadline() {
        return nanoTime.getAsLong() - deadline < 0;
    }

    /**
     * Records the mode (and creates the slice rows at the start position) or checks it.
     *
     * @throws SubscriptionModeMismatchException when the fleet runs another mode or slice count
     */
    void start() {
        table.leases().register(subscription, mode, start.getAsLong());
        active = true;
        nextHeartbeat = nanoTime.getAsLong();
    }

    /**
     * Renews, gives up and claims as the heartbeat is due; {@code saveHeld} runs first whenever
     * slices are to be given up or regrouped, while they are still held.
     */
    void maintain(Runnable saveHeld) {
        long now = nanoTime.getAsLong();
        if (!held.isEmpty() && now - deadline >= 0) {
            replace(List.of()); // could not renew in time: they may be another's by now
        }
        if (now - nextHeartbeat < 0) {
            return;
        }
        nextHeartbeat = now + heartbeatNanos;
        List<String> members = table.heartbeat(subscription, instance, leaseMillis());
        // None held here: after a pause, the database may still have some as this instance's.
        boolean changed = held.isEmpty();
        for (SliceLease lease : held) {
            SliceRange range = lease.range;
            if (!table.leases().renew(subscription, instance, lease.token, range.first(), range.last(), leaseMillis())) {
                lease.end();
                table.release(subscription, instance, lease.token, range.first(), range.last()); // what is left of it
                changed = true;
            }
        }
        deadline = now + leaseNanos;
        SliceRange share = fairShare(members);
        boolean saved = false;
        for (SliceLease lease : held) {
            SliceRange range = lease.range;
            if (lease.held() && (share == null || range.first() < share.first() || range.last() > share.last())) {
                if (!saved) {
                    saveHeld.run();
                    saved = true;
                }
                changed = true;
                giveUpOutside(lease, share);
            }
        }
        if (share != null && table.leases().claim(subscription, instance, share.first(), share.last(), leaseMillis()) != null) {
            changed = true;
        }
        if (changed) {
            if (!saved) {
                saveHeld.run(); // a range about to merge or split keeps what it handled
            }
            replace(regroup());
        }
    }

    /** A write found {@code lease} lost: stop using it. */
    void lost(SliceLease lease) {
        lease.end();
        List<SliceLease> rest = new ArrayList<>(held);
        rest.remove(lease);
        held = List.copyOf(rest);
    }

    /** Gives up every slice (after the caller saved their checkpoints) and leaves the members. */
    void stop() {
        active = false;
        List<SliceLease> giving = held;
        replace(List.of());
        try {
            for (SliceLease lease : giving) {
                table.release(subscription, instance, lease.token, lease.range.first(), lease.range.last());
            }
        } finally {
            table.leave(subscription, instance);
        }
    }

    /** The fleet's checkpoint: the lowest of every slice's. */
    long fleetCheckpoint() {
        return table.checkpoint(subscription, 0, mode.sliceCount() - 1);
    }

    /** This instance's share of the slices, by its place among the live members; null when it has none. */
    private SliceRange fairShare(List<String> members) {
        int place = members.indexOf(instance);
        if (place < 0) {
            return null;
        }
        int slices = mode.sliceCount();
        int first = (int) ((long) place * slices / members.size());
        int last = (int) ((long) (place + 1) * slices / members.size()) - 1;
        return first > last ? null : new SliceRange(first, last, slices);
    }

    private void giveUpOutside(SliceLease lease, SliceRange share) {
        SliceRange range = lease.range;
        if (share == null || share.last() < range.first() || share.first() > range.last()) {
            table.release(subscription, instance, lease.token, range.first(), range.last());
            return;
        }
        if (range.first() < share.first()) {
            table.release(subscription, instance, lease.token, range.first(), share.first() - 1);
        }
        if (range.last() > share.last()) {
            table.release(subscription, instance, lease.token, share.last() + 1, range.last());
        }
    }

    /**
     * The held slices as the database has them, grouped into contiguous ranges of one token and one
     * checkpoint; a range that is unchanged keeps its object (and so its worker).
     */
    private List<SliceLease> regroup() {
        List<SliceTable.Held> rows = table.held(subscription, instance);
        List<SliceLease> next = new ArrayList<>();
        for (int i = 0; i < rows.size(); ) {
            int j = i;
            while (j + 1 < rows.size() && rows.get(j + 1).slice() == rows.get(j).slice() + 1
                    && rows.get(j + 1).token() == rows.get(i).token() && rows.get(j + 1).checkpoint() == rows.get(i).checkpoint()) {
                j++;
            }
            SliceRange range = new SliceRange(rows.get(i).slice(), rows.get(j).slice(), mode.sliceCount());
            long token = rows.get(i).token();
            SliceLease same = held.stream().filter(lease -> lease.held() && lease.token == token && lease.range.equals(range))
                    .findFirst().orElse(null);
            next.add(same != null ? same : new SliceLease(this, range, token));
            i = j + 1;
        }
        return next;
    }

    private void replace(List<SliceLease> next) {
        for (SliceLease lease : held) {
            if (!next.contains(lease)) {
                lease.end();
            }
        }
        held = List.copyOf(next);
    }

    private long leaseMillis() {
        return Math.max(1, leaseNanos / 1_000_000);
    }
}
