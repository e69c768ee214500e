package io.factum.kafka;

import io.factum.store.EventStore;
import io.factum.store.StoredEvent;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link KafkaRelay} reads the store's global order from. The relay keeps its own position (in Kafka,
 * see {@link RelayProgress}) and asks the feed for what comes after it.
 *
 * <p>This is the seam for running one relay per fleet: today {@link #of(EventStore)} reads the store directly and
 * correctness rests on the relay's stable {@code transactional.id} (a second relay fences the first, which can then
 * no longer commit). A feed backed by an exclusive-mode subscription would return events only while it holds the
 * subscription's lease, so standbys stay idle instead of fencing each other.
 */
@FunctionalInterface
public interface RelayFeed {

    /** Up to {@code maxCount} events with a global position greater than {@code afterPosition}, in global order. */
    List<StoredEvent> readAfter(long afterPosition, int maxCount);

    /** Reads {@code store} directly. */
    static RelayFeed of(EventStore store) {
        Objects.requireNonNull(store, "store");
        return store::readAll;
    }
}
