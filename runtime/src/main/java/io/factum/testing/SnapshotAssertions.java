package io.factum.testing;

import io.factum.aggregate.AggregateRoot;
import io.factum.aggregate.AggregateType;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks an aggregate's snapshot declaration in a test: that what {@code snapshot()} returns survives the generated
 * codec and the restoring constructor, so a restored aggregate takes the same snapshot again.
 *
 * <pre>{@code
 * SnapshotAssertions.assertRoundTrips(AccountAggregateType.INSTANCE, account);
 * }</pre>
 */
public final class SnapshotAssertions {

    private SnapshotAssertions() {}

    /**
     * Takes {@code aggregate}'s snapshot, writes and reads it with the codec, restores an aggregate from it and takes
     * that one's snapshot: all three records must be equal. Returns the restored aggregate, for more assertions.
     *
     * @throws AssertionError if any step fails or changes the snapshot
     */
    public static <A extends AggregateRoot<E>, E> A assertRoundTrips(AggregateType<A, E> type, A aggregate) {
        Objects.requireNonNull(aggregate, "aggregate");
        Object taken;
        try {
            taken = type.snapshotOf(aggregate);
        } catch (RuntimeException e) {
            throw new AssertionError("The snapshot method of " + type.name() + " failed: " + e, e);
        }
        A restored = restored(type, taken);
        Object again = type.snapshotOf(restored);
        if (!taken.equals(again)) {
            throw new AssertionError("A " + type.name() + " restored from its snapshot takes another snapshot; the restoring"
                    + " constructor does not set what snapshot() reads:\n  taken:          " + taken
                    + "\n  after restore:  " + again);
        }
        return restored;
    }

    /** An aggregate restored from {@code snapshot} through the codec, as a load does; checks the codec on the way. */
    static <A extends AggregateRoot<E>, E> A restored(AggregateType<A, E> type, Object snapshot) {
        byte[] json;
        Object decoded;
        try {
            json = type.encodeSnapshot(snapshot);
            decoded = type.decodeSnapshot(json);
        } catch (RuntimeException e) {
            throw new AssertionError("The snapshot " + snapshot + " of " + type.name() + " does not survive its codec: " + e, e);
        }
        if (!snapshot.equals(decoded)) {
            throw new AssertionError("The snapshot of " + type.name() + " does not survive its codec:\n  snapshot:     "
                    + snapshot + "\n  written as:   " + new String(json, StandardCharsets.UTF_8) + "\n  read back as: " + decoded);
        }
        try {
            return type.restoreFrom(decoded);
        } catch (RuntimeException e) {
            throw new AssertionError("The restoring constructor of " + type.name() + " failed on " + decoded + ": " + e, e);
        }
    }
}
