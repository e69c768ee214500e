package io.factum.subscription;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory, for tests and for the in-memory event store. Thread-safe. */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final Map<String, Long> positions = new ConcurrentHashMap<>();

    @Override
    public long load(String subscription) {
        return positions.getOrDefault(subscription, 0L);
    }

    @Override
    public OptionalLong find(String subscription) {
        Long position = positions.get(subscription);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    public void save(String subscription, long position) {
        positions.put(subscription, position);
    }
}
