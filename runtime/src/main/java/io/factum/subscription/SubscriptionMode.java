package io.factum.subscription;

import java.util.Objects;

/**
 * How the instances of one named subscription share its work across processes.
 *
 * <ul>
 *   <li>{@link #exclusive()}: the default on a JDBC store. One instance at a time is active and holds
 *       a lease in the database; the others stand by and take over when it stops renewing it.</li>
 *   <li>{@link #singleProcess()}: no lease; the behaviour of Factum 0.1, and always that of the
 *       in-memory store, which lives in one process anyway. Run such a subscription in one process
 *       only.</li>
 * </ul>
 *
 * Every instance of one name must use the same mode: the first to start records it, and a
 * differently configured instance fails to start ({@link SubscriptionModeMismatchException}).
 */
public final class SubscriptionMode {

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
