package io.factum.aggregate;

import io.factum.event.EventTypeRegistry;
import io.factum.store.StoredEvent;

/**
 * Everything the runtime needs to create, change and replay one kind of aggregate. The processor
 * generates one per {@code @Aggregate} class ({@code OrderAggregateType}); all of it is direct
 * calls to the user's code.
 *
 * @param <A> the aggregate class
 * @param <E> its event family (the type argument of {@link AggregateRoot})
 */
public interface AggregateType<A extends AggregateRoot<E>, E> {

    /** The aggregate name, the prefix of its stream ids. */
    String name();

    Class<A> aggregateClass();

    Class<E> eventFamily();

    /** A new, empty aggregate, ready for replay or for its first command. */
    A newInstance();

    /** Calls the aggregate's {@code @Apply} method for {@code event}; ignored events do nothing. */
    void apply(A aggregate, E event);

    /**
     * Decodes a stored event and applies it. Events stored at the current schema version go
     * straight from bytes to the apply method; others are decoded (and upcast) through
     * {@code registry}.
     *
     * @throws io.factum.event.EventDecodingException    if the payload does not decode
     * @throws io.factum.event.UnknownEventTypeException if the stored type is not an event of this aggregate
     */
    void replay(A aggregate, StoredEvent event, EventTypeRegistry registry);

    /**
     * The compile-time fingerprint of this aggregate's snapshot (its record's shape, the source of its
     * {@code @Apply}, snapshot and restore code, and its {@code snapshotVersion}); null if it declares no snapshot.
     * A stored snapshot with another fingerprint is never restored.
     */
    default String snapshotFingerprint() {
        return null;
    }

    /** Whether the aggregate declares a snapshot ({@code @Aggregate(snapshot = ...)}). */
    default boolean hasSnapshots() {
        return snapshotFingerprint() != null;
    }

    /**
     * The aggregate's snapshot record: what its snapshot method returns.
     *
     * @throws UnsupportedOperationException if the aggregate declares no snapshot
     */
    default Object snapshotOf(A aggregate) {
        throw noSnapshot();
    }

    /**
     * A new aggregate built by its restoring constructor from a snapshot record. The caller sets its revision
     * ({@link AggregateRoot#replayedTo}).
     *
     * @throws ClassCastException            if {@code snapshot} is not the aggregate's snapshot record
     * @throws UnsupportedOperationException if the aggregate declares no snapshot
     */
    default A restoreFrom(Object snapshot) {
        throw noSnapshot();
    }

    /**
     * The snapshot record as JSON, by its generated codec.
     *
     * @throws ClassCastException            if {@code snapshot} is not the aggregate's snapshot record
     * @throws UnsupportedOperationException if the aggregate declares no snapshot
     */
    default byte[] encodeSnapshot(Object snapshot) {
        throw noSnapshot();
    }

    /**
     * A snapshot record from JSON, by its generated codec.
     *
     * @throws io.factum.event.EventDecodingException if the payload is corrupt, truncated or does not fit the record
     * @throws UnsupportedOperationException           if the aggregate declares no snapshot
     */
    default Object decodeSnapshot(byte[] payload) {
        throw noSnapshot();
    }

    private UnsupportedOperationException noSnapshot() {
        return new UnsupportedOperationException(name() + " declares no snapshot; add @Aggregate(snapshot = "
                + name() + "Snapshot.class), a snapshot() method and a restoring constructor (docs/snapshots.md)");
    }

    /** The stream id of the aggregate with business id {@code id}: {@code name() + "-" + id}. */
    default String streamId(String id) {
        return name() + "-" + id;
    }
}
