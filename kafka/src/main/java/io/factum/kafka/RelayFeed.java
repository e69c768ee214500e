package io.factum.kafka;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link KafkaRelay} reads the store's global order from. The relay keeps its own position (in Kafka,
 * see {@link RelayProgress}) and asks the feed for what comes after it.
 *
 * <p>{@link #of(EventStore)} reads the store directly. Which instance of a fleet relays is decided by the relay's
 * lease, not by the feed; correctness rests on the relay's stable {@code transactional.id} (a relay that starts
 * fences the previous one, which can then no longer commit).
 */
@FunctionalInterface
public interface RelayFeed {

    /** Up to {@code maxCount} events with a global position greater than {@code afterPosition}, in global order. */
    List<StoredEvent> readAfter(long afterPosition, int maxCount);

    /**
     * The global position of the newest event, for the relay's lag ({@link KafkaRelay#lag()}); the default says
     * the feed cannot tell.
     */
    default long lastPosition() {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement lastPosition(), which the "
                + "relay's lag needs");
    }

    /** Reads {@code store} directly. */
    static RelayFeed of(EventStore store) {
        Objects.requireNonNull(store, "store");
        return new RelayFeed() {
            @Override
            public List<StoredEvent> readAfter(long afterPosition, int maxCount) {
                return store.readAll(afterPosition, maxCount);
            }

            @Override
            public long lastPosition() {
                return store.lastPosition();
            }
        };
    }
}
