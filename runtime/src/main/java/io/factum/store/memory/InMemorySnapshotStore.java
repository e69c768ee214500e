package io.factum.store.memory;

import io.factum.store.SnapshotStore;
import io.factum.store.StoredSnapshot;
import io.factum.store.StreamIds;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Snapshots in a map, for tests and the in-memory store. Thread-safe. */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final ConcurrentMap<String, StoredSnapshot> latest = new ConcurrentHashMap<>();

    @Override
    public Optional<StoredSnapshot> latest(String streamId) {
        StreamIds.validate(streamId);
        return Optional.ofNullable(latest.get(streamId));
    }

    @Override
    public void save(StoredSnapshot snapshot) {
        StreamIds.validate(snapshot.streamId());
        latest.merge(snapshot.streamId(), copy(snapshot),
                (stored, offered) -> offered.streamRevision() >= stored.streamRevision() ? offered : stored);
    }

    @Override
    public void delete(String streamId) {
        latest.remove(streamId);
    }

    /** The payload is copied in, so a caller that reuses its array cannot change a stored snapshot. */
    private static StoredSnapshot copy(StoredSnapshot snapshot) {
        return new StoredSnapshot(snapshot.streamId(), snapshot.aggregateType(), snapshot.streamRevision(),
                snapshot.fingerprint(), snapshot.payload().clone(), snapshot.takenAt());
    }

    @Override
    public String toString() {
        return "InMemorySnapshotStore[" + latest.size() + " streams]";
    }
}
