package io.factum.store;

import java.util.Optional;

/**
 * Keeps the latest snapshot of each stream, beside the events and independent of them: writing or
 * deleting a snapshot never changes an event. Stores hold bytes; what a snapshot means, and whether it
 * may be restored, is the aggregate repository's decision (see {@code docs/snapshots.md}).
 *
 * <p>Implementations: {@code InMemorySnapshotStore}, and {@code JdbcEventStore.snapshots()} for SQLite and
 * PostgreSQL ({@code <prefix>snapshots}). Thread-safe.
 */
public interface SnapshotStore {

    /** The latest snapshot of {@code streamId}, if any. */
    Optional<StoredSnapshot> latest(String streamId);

    /**
     * Stores {@code snapshot} as the stream's latest, unless the stored one has a higher revision (a
     * slower writer never replaces a newer snapshot). Atomic: a reader sees the old row or the new one.
     */
    void save(StoredSnapshot snapshot);

    /** Forgets the snapshot of {@code streamId}, if any. */
    void delete(String streamId);
}
