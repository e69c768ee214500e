package io.factum.subscription;

import io.factum.store.SliceRange;
import java.util.Objects;

/**
 * How the instances of one named subscription share its work across processes.
 *
 * <ul>
 *   <li>{@link #exclusive()}: the default on a JDBC store. One instance at a time is active and holds
 *       a lease in the database; the others stand by and take over when it stops renewing it.</li>
 *   <li>{@link #partitioned(int)}: the global order is split into a fixed number of slices by the
 *       stable hash of the stream id; every running instance holds a fair share of the slices, by
 *       lease, and delivers the events of its slices only. One stream is always in one slice, so its
 *       order holds; the count is fixed when the subscription first starts.</li>
 *   <li>{@link #singleProcess()}: no lease; the behaviour of Factum 0.1, and always that of the
 *       in-memory store, which lives in one process anyway. Run such a subscription in one process
 *       only.</li>
 * </ul>
 *
 * Every instance of one name must use the same mode: the first to start records it, and a
 * differently configured instance fails to start ({@link SubscriptionModeMismatchException}).
 */
public final class SubscriptionMode {

    private static final String PARTITIONED = "partitioned";
    private static final SubscriptionMode EXCLUSIVE = new SubscriptionMode("exclusive", 1);
    private static final SubscriptionMode SINGLE_PROCESS = new SubscriptionMode("single-process", 1);

    private final String name;
    private final int sliceCount;

    private SubscriptionMode(String name, int sliceCount) {
        this.name = name;
        this.sliceCount = sliceCount;
    }

    /** One active instance in the fleet, by lease; the default for a named subscription on a JDBC store. */
    public static SubscriptionMode exclusive() {
        return EXCLUSIVE;
    }

    /**
     * The instances share the subscription by slices: {@code sliceCount} (1 to
     * {@value io.factum.store.SliceRange#MAX_SLICES}) fixed for the life of the subscription. More
     * slices than instances you will ever run; 64 to 256 fits most fleets (each instance reads each
     * of its contiguous slice ranges with one query per poll).
     *
     * @throws IllegalArgumentException when {@code sliceCount} is out of range
     */
    public static SubscriptionMode partitioned(int sliceCount) {
        SliceRange.all(sliceCount); // checks the count
        return new SubscriptionMode(PARTITIONED, sliceCount);
    }

    /** No lease: for a subscription that only ever runs in one process. */
    public static SubscriptionMode singleProcess() {
        return SINGLE_PROCESS;
    }

    /** The name stored in the leases table. */
    String storedName() {
        return name;
    }

    /** The number of slices the global order is split into: 1 unless partitioned. */
    int sliceCount() {
        return sliceCount;
    }

    /** Whether the slices are shared out among the instances (else one instance holds them all). */
    boolean isPartitioned() {
        return PARTITIONED.equals(name);
    }

    boolean usesLeases() {
        return this != SINGLE_PROCESS;
    }

    /** The mode as stored, for comparing with what another instance recorded. */
    static SubscriptionMode stored(String name, int sliceCount) {
        if (EXCLUSIVE.name.equals(name) && sliceCount == 1) {
            return EXCLUSIVE;
        }
        return new SubscriptionMode(name, sliceCount);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubscriptionMode mode && mode.name.equals(name) && mode.sliceCount == sliceCount;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, sliceCount);
    }

    @Override
    public String toString() {
        return sliceCount == 1 ? name : name + " into " + sliceCount + " slices";
    }
}
