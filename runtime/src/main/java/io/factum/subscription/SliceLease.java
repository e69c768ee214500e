package io.factum.subscription;

import io.factum.store.SliceRange;
import io.factum.store.StreamHash;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * A contiguous range of slices that one instance holds with one fencing token, in partitioned
 * mode: the fence of every write its events lead to, and the store of its checkpoint, kept in its
 * slices' rows of the leases table. Every save of that checkpoint is itself fenced (written only
 * where owner and token still match), in the batch's transaction for a projection.
 */
final class SliceLease implements Fence, CheckpointStore {

    final SliceRange range;
    final long token;
    private final SliceKeeper keeper;
    /** False once lost or given up; then nothing of it may be written. */
    private volatile boolean held = true;

    SliceLease(SliceKeeper keeper, SliceRange range, long token) {
        this.keeper = keeper;
        this.range = range;
        this.token = token;
    }

    boolean held() {
        return held;
    }

    /** It is no longer this instance's (lost, released, or regrouped into another range). */
    void end() {
        held = false;
    }

    /** Whether a stream is in this range: its parked events are this range's to retry. */
    boolean covers(String streamId) {
        return range.contains(StreamHash.of(streamId));
    }

    @Override
    public void check(Connection connection, String what) throws SQLException {
        if (!held || !keeper.table().leases().stillHeld(connection, keeper.subscription(), keeper.instance(), token,
                range.first(), range.last())) {
            throw lost(what);
        }
    }

    @Override
    public boolean mayDeliver() {
        return held && keeper.withinDeadline();
    }

    @Override
    public LeaseLostException pausedPastLease(String what) {
        return new LeaseLostException(keeper.subscription(), keeper.instance(), token, what + " of " + range);
    }

    @Override
    public void checkAlone(String what) {
        keeper.table().leases().inTransaction("check the lease of " + range + " of subscription '" + keeper.subscription()
                + "'", connection -> {
            check(connection, what);
            return null;
        });
    }

    /** The checkpoint of the range: its slices' lowest (they are grouped by equal checkpoints). */
    @Override
    public long load(String subscription) {
        return keeper.table().checkpoint(subscription, range.first(), range.last());
    }

    @Override
    public OptionalLong find(String subscription) {
        return OptionalLong.of(load(subscription)); // slice rows are created with their start checkpoint
    }

    @Override
    public void save(String subscription, long position) {
        keeper.table().leases().inTransaction("save checkpoint " + position + " of " + range + " of subscription '"
                + subscription + "'", connection -> {
            saveInTransaction(connection, subscription, position);
            return null;
        });
    }

    /**
     * Saves the checkpoint inside the caller's transaction, fenced.
     *
     * @throws LeaseLostException when a slice of the range is no longer held with this token; roll back
     */
    void saveInTransaction(Connection connection, String subscription, long position) throws SQLException {
        if (!held || !keeper.table().saveCheckpoint(connection, subscription, keeper.instance(), token, range.first(),
                range.last(), position)) {
            throw lost("saving checkpoint " + position);
        }
    }

    private LeaseLostException lost(String what) {
        keeper.lost(this);
        return new LeaseLostException(keeper.subscription(), keeper.instance(), token, what + " of " + range);
    }

    @Override
    public String toString() {
        return range + " (token " + token + ")";
    }
}
